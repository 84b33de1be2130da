"""Getting documents in: file import (scanners come later), checks, the blob store."""
