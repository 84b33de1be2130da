"""PyInstaller's QtGui hook without the Qt plugins the counter never loads.

Filtering here, before the analysis follows their library dependencies, keeps out what they
would drag in: the GTK platform theme pulls GTK 3, GLib and ICU from the build host; the
Wayland, EGL-FS, framebuffer and VNC platforms, evdev input and input methods are unused
(on a Wayland desktop the app runs through XWayland). Kept platforms: xcb (X11), offscreen
(tests, CI), minimal, windows, cocoa.
"""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

UNUSED_PLUGIN_FOLDERS = ("platformthemes", "wayland-", "egldeviceintegrations",
                         "platforminputcontexts", "generic")
KEPT_PLATFORMS = ("qxcb", "qoffscreen", "qminimal.", "qwindows", "qcocoa")


def _used(source: str) -> bool:
    path = source.replace("\\", "/")
    if any(f"/plugins/{folder}" in path for folder in UNUSED_PLUGIN_FOLDERS):
        return False
    if "/plugins/platforms/" in path:
        return any(name in path.rsplit("/", 1)[-1] for name in KEPT_PLATFORMS)
    return True


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [entry for entry in binaries if _used(entry[0])]
