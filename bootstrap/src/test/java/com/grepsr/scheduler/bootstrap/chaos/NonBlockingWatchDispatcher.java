package com.grepsr.scheduler.bootstrap.chaos;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * fabric8's CRUD dispatcher with one change: a watch's socket writes never wait for the server's
 * event loop.
 *
 * <p>Why: in kubernetes-server-mock 8.0.0 each watch sends its events from a thread of its own and
 * waits (up to 30 s) for the event loop to finish every write, while the close of a watch, which
 * runs on that event loop, waits for that thread to finish. A replica killed while an event was
 * on its way to it therefore froze the whole server for 30 s: no request answered, the informers'
 * lists timed out, Jobs stayed unfinished. Here a send is queued on the event loop and returns, so
 * the close has nothing to wait for; the order of a watch's events is kept, as the loop runs its
 * queue in order.
 */
final class NonBlockingWatchDispatcher extends KubernetesCrudDispatcher {

    @Override
    public MockResponse handleWatch(String path) {
        MockResponse response = super.handleWatch(path);
        WebSocketListener watch = response.getWebSocketListener();
        return watch == null ? response : response.withWebSocketUpgrade(new LoopQueuedSends(watch));
    }

    /** The mock's own watch listener, handed a socket whose sends are queued on the event loop. */
    private static final class LoopQueuedSends extends WebSocketListener {
        private final WebSocketListener watch;

        LoopQueuedSends(WebSocketListener watch) {
            this.watch = watch;
        }

        @Override
        public void onBeforeAccept(WebSocket socket, Response response) {
            watch.onBeforeAccept(socket, response);
        }

        @Override
        public void onOpen(WebSocket socket, Response response) {
            // called on the socket's event loop: the context its writes are queued on from now on
            Context loop = Vertx.currentContext();
            watch.onOpen(loop == null ? socket : new QueuedSocket(socket, loop), response);
        }

        @Override
        public void onMessage(WebSocket socket, String text) {
            watch.onMessage(socket, text);
        }

        @Override
        public void onMessage(WebSocket socket, byte[] bytes) {
            watch.onMessage(socket, bytes);
        }

        @Override
        public void onPing(WebSocket socket, byte[] payload) {
            watch.onPing(socket, payload);
        }

        @Override
        public void onClosing(WebSocket socket, int code, String reason) {
            watch.onClosing(socket, code, reason);
        }

        @Override
        public void onClosed(WebSocket socket, int code, String reason) {
            watch.onClosed(socket, code, reason);
        }

        @Override
        public void onFailure(WebSocket socket, Throwable error, Response response) {
            watch.onFailure(socket, error, response);
        }
    }

    /**
     * Sends run on the event loop itself, where the mock's socket does not wait for the write to
     * finish; a write to a socket already gone fails there unseen, as a watch event to a dead
     * client is lost on a real API server too.
     */
    private record QueuedSocket(WebSocket socket, Context loop) implements WebSocket {
        @Override
        public RecordedRequest request() {
            return socket.request();
        }

        @Override
        public boolean send(String text) {
            loop.runOnContext(ignored -> socket.send(text));
            return true;
        }

        @Override
        public boolean send(byte[] bytes) {
            loop.runOnContext(ignored -> socket.send(bytes));
            return true;
        }

        @Override
        public boolean close(int code, String reason) {
            return socket.close(code, reason);
        }
    }
}
