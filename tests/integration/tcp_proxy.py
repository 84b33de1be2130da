"""A TCP forwarder for tests: put it between a client and a server, then break the link.

    with TcpProxy("127.0.0.1", 5432) as proxy:
        url = f"postgresql+psycopg://postgres@127.0.0.1:{proxy.port}/base"
        ...
        proxy.drop_connections()  # every open connection is reset (RST) on both sides
        proxy.stop_accepting()    # nothing listens: new connections are refused
        proxy.resume()            # listening again, on the same port
        proxy.freeze()            # connections stay open, TCP acknowledges, nothing moves
        proxy.thaw()              # bytes move again

One thread accepts; each connection gets one thread that moves bytes both ways with a
selector over non-blocking sockets (so a full buffer in one direction never stalls the
other) and a wake-up socket pair, so it can be told to stop at any moment. A thread only
ever closes its own sockets. `close()` leaves no thread or socket behind.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import struct
import threading
from collections.abc import Callable
from types import TracebackType

BUFFER_BYTES = 64 * 1024
UPSTREAM_CONNECT_TIMEOUT_S = 5.0
JOIN_TIMEOUT_S = 10.0


def _reset(sock: socket.socket) -> None:
    """Close with SO_LINGER 0: the peer gets a TCP reset instead of an orderly FIN."""
    with contextlib.suppress(OSError):  # already dead: closing is all that is left
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


class _Waker:
    """A socket pair a selector can watch: another thread writes to wake it."""

    def __init__(self) -> None:
        self.reader, self._writer = socket.socketpair()
        self.reader.setblocking(False)
        self._writer.setblocking(False)

    def wake(self) -> None:
        # a full buffer means it is woken already; a closed one, that the thread has ended
        with contextlib.suppress(OSError):
            self._writer.send(b"!")

    def close(self) -> None:
        self.reader.close()
        self._writer.close()


class _Link(threading.Thread):
    """One client connection and its connection to the target, forwarded both ways.

    `waiting[s]` holds bytes read from the other side, still to be written to `s`; a side
    is not read while its bytes wait, so memory stays bounded. An end of stream is passed
    on as a half-close once everything before it has been written.
    """

    def __init__(self, client: socket.socket, target: tuple[str, int],
                 finished: Callable[[_Link], None], frozen: threading.Event):
        super().__init__(name=f"tcp-proxy-link-{client.fileno()}", daemon=True)
        self.client = client
        self.target = target
        self._finished = finished
        self._frozen = frozen
        self._dropping = False
        self._waker = _Waker()
        self._peer: dict[socket.socket, socket.socket] = {}
        self._waiting: dict[socket.socket, bytearray] = {}
        self._reading: dict[socket.socket, bool] = {}
        self._writing: dict[socket.socket, bool] = {}  # False once the end was passed on
        self._interest: dict[socket.socket, int] = {}

    def drop(self) -> None:
        """Reset both sides as soon as possible (the thread does it, then ends)."""
        self._dropping = True
        self._waker.wake()

    def nudge(self) -> None:
        """Look at the frozen flag again."""
        self._waker.wake()

    def run(self) -> None:
        upstream: socket.socket | None = None
        orderly = False
        try:
            upstream = socket.create_connection(self.target, UPSTREAM_CONNECT_TIMEOUT_S)
            orderly = self._forward(self.client, upstream)
        except OSError:
            orderly = False  # a side was reset or failed: pass the reset on
        finally:
            for sock in (self.client, upstream):
                if sock is None:
                    continue
                if orderly:
                    sock.close()
                else:
                    _reset(sock)
            self._waker.close()
            self._finished(self)

    def _forward(self, client: socket.socket, upstream: socket.socket) -> bool:
        """Move bytes until both sides have finished (True) or a drop was asked (False)."""
        sides = (client, upstream)
        self._peer = {client: upstream, upstream: client}
        for sock in sides:
            sock.setblocking(False)
            self._waiting[sock] = bytearray()
            self._reading[sock] = self._writing[sock] = True
            self._interest[sock] = 0
        with selectors.DefaultSelector() as selector:
            selector.register(self._waker.reader, selectors.EVENT_READ)
            while any(self._reading[s] or self._waiting[s] for s in sides):
                for sock in sides:
                    self._watch(selector, sock)
                for key, mask in selector.select():
                    if key.fileobj is self._waker.reader:
                        if self._dropping:
                            return False
                        with contextlib.suppress(BlockingIOError):
                            self._waker.reader.recv(64)
                        continue
                    assert isinstance(key.fileobj, socket.socket)
                    self._move(key.fileobj, mask)
                for sock in sides:
                    self._pass_on_end(sock)
        return True

    def _watch(self, selector: selectors.BaseSelector, sock: socket.socket) -> None:
        reading = self._reading[sock] and not self._waiting[self._peer[sock]]
        wanted = ((selectors.EVENT_READ if reading else 0)
                  | (selectors.EVENT_WRITE if self._waiting[sock] else 0))
        if self._frozen.is_set():
            wanted = 0  # the kernel still acknowledges what arrives; nothing is passed on
        if wanted == self._interest[sock]:
            return
        if self._interest[sock]:
            selector.unregister(sock)
        if wanted:
            selector.register(sock, wanted)
        self._interest[sock] = wanted

    def _move(self, sock: socket.socket, mask: int) -> None:
        try:
            if mask & selectors.EVENT_READ:
                data = sock.recv(BUFFER_BYTES)
                if data:
                    self._waiting[self._peer[sock]] += data
                else:
                    self._reading[sock] = False
            if mask & selectors.EVENT_WRITE:
                del self._waiting[sock][:sock.send(self._waiting[sock])]
        except (BlockingIOError, InterruptedError):
            pass  # not ready after all: the selector will say when

    def _pass_on_end(self, sock: socket.socket) -> None:
        """The other side has ended and everything it sent is written: end this side too."""
        if self._writing[sock] and not self._reading[self._peer[sock]] \
                and not self._waiting[sock]:
            self._writing[sock] = False
            with contextlib.suppress(OSError):  # the peer may be gone already
                sock.shutdown(socket.SHUT_WR)


class _Acceptor(threading.Thread):
    def __init__(self, listener: socket.socket, accepted: Callable[[socket.socket], None]):
        super().__init__(name=f"tcp-proxy-accept-{listener.getsockname()[1]}", daemon=True)
        self.listener = listener
        self._accepted = accepted
        self._waker = _Waker()

    def stop(self) -> None:
        """Close the listening socket (new connections are refused) and wait for the thread."""
        self._waker.wake()
        self.join(JOIN_TIMEOUT_S)

    def run(self) -> None:
        self.listener.setblocking(False)
        try:
            with selectors.DefaultSelector() as selector:
                selector.register(self.listener, selectors.EVENT_READ)
                selector.register(self._waker.reader, selectors.EVENT_READ)
                while True:
                    for key, _mask in selector.select():
                        if key.fileobj is self._waker.reader:
                            return
                        try:
                            client, _address = self.listener.accept()
                        except (BlockingIOError, InterruptedError):
                            continue  # the client gave up before we took it
                        self._accepted(client)
        finally:
            self.listener.close()
            self._waker.close()


class TcpProxy:
    """Listens on `host:port` (a free port by default) and forwards to `target_host:target_port`."""

    def __init__(self, target_host: str, target_port: int, *, host: str = "127.0.0.1",
                 port: int = 0):
        self.target = (target_host, target_port)
        self.host = host
        self._lock = threading.Lock()
        self._links: set[_Link] = set()
        self._acceptor: _Acceptor | None = None
        self._closed = False
        self._frozen = threading.Event()
        self.port = self._listen(port)

    @property
    def accepting(self) -> bool:
        return self._acceptor is not None

    @property
    def connections(self) -> int:
        """Connections being forwarded right now."""
        with self._lock:
            return len(self._links)

    def _listen(self, port: int) -> int:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((self.host, port))
            listener.listen(64)
        except OSError:
            listener.close()
            raise
        self._acceptor = _Acceptor(listener, self._accepted)
        self._acceptor.start()
        return int(listener.getsockname()[1])

    def _accepted(self, client: socket.socket) -> None:
        link = _Link(client, self.target, self._forget, self._frozen)
        with self._lock:
            if self._closed:
                _reset(client)
                return
            self._links.add(link)
        link.start()

    def _forget(self, link: _Link) -> None:
        with self._lock:
            self._links.discard(link)

    def stop_accepting(self) -> None:
        """Stop listening: a new connection is refused. Open connections keep working."""
        with self._lock:
            acceptor, self._acceptor = self._acceptor, None
        if acceptor is not None:
            acceptor.stop()

    def resume(self) -> None:
        """Listen again on the same port."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the proxy is closed")
            if self._acceptor is not None:
                return
            self._listen(self.port)

    def freeze(self) -> None:
        """Keep every connection open (TCP keeps acknowledging) but pass nothing on, either
        way, new connections included: a hung server or a frozen middlebox."""
        self._frozen.set()
        self._nudge()

    def thaw(self) -> None:
        self._frozen.clear()
        self._nudge()

    def _nudge(self) -> None:
        with self._lock:
            links = list(self._links)
        for link in links:
            link.nudge()

    def drop_connections(self) -> None:
        """Reset every open connection, on the client's side and on the target's side."""
        with self._lock:
            links = list(self._links)
        for link in links:
            link.drop()
        for link in links:
            link.join(JOIN_TIMEOUT_S)

    def close(self) -> None:
        self._frozen.clear()
        with self._lock:
            self._closed = True
        self.stop_accepting()
        self.drop_connections()

    def __enter__(self) -> TcpProxy:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()
