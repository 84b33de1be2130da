"""Small reusable widgets and the layout vocabulary the pages are written in."""
