package io.fcn.persistence.support.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder a test controls, between a pool and the database server: it passes bytes both ways until told to
 * {@link #cutAll() cut} every connection (each side sees a reset, as on a network failure or a server restart) or to
 * go {@link #down() down} (new connections are reset at once, as while a server restarts) until {@link #heal()}.
 * Listens on 127.0.0.1 only.
 */
public final class TcpForwarder implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Pair> pairs = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionsCut = new AtomicInteger();
    private final AtomicInteger cuts = new AtomicInteger();
    private volatile boolean down;
    private volatile boolean closed;

    public TcpForwarder(String targetHost, int targetPort) {
        this.target = new InetSocketAddress(targetHost, targetPort);
        try {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1", e);
        }
        Thread acceptor = new Thread(this::accept, "forwarder-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@return the local port clients connect to} */
    public int port() {
        return server.getLocalPort();
    }

    /** Resets every open connection; {@return how many were cut} */
    public int cutAll() {
        List<Pair> open = new ArrayList<>(pairs);
        for (Pair pair : open) {
            pair.close();
        }
        cuts.incrementAndGet();
        connectionsCut.addAndGet(open.size());
        return open.size();
    }

    /** Cuts every connection and resets new ones until {@link #heal()}. */
    public void down() {
        down = true;
        cutAll();
    }

    /** Forwards new connections again. */
    public void heal() {
        down = false;
    }

    /** {@return how many times connections were cut ({@link #cutAll()}, {@link #down()})} */
    public int cuts() {
        return cuts.get();
    }

    /** {@return how many connections were cut in all} */
    public int connectionsCut() {
        return connectionsCut.get();
    }

    /** {@return the connections open now} */
    public int openConnections() {
        return pairs.size();
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (down) {
                reset(client);
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 5_000);
            } catch (IOException e) {
                reset(client);
                reset(upstream);
                continue;
            }
            Pair pair = new Pair(client, upstream);
            pairs.add(pair);
            pair.start();
        }
    }

    /** Closes with SO_LINGER 0: the peer sees a reset, not an orderly end of stream. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed
        }
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
        cutAll();
    }

    private final class Pair {
        private final Socket client;
        private final Socket upstream;

        Pair(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() {
            pump(client, upstream, "up");
            pump(upstream, client, "down");
        }

        private void pump(Socket from, Socket to, String direction) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try {
                    InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream();
                    for (int n; (n = in.read(buffer)) >= 0;) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // cut, or the other side went away
                } finally {
                    close();
                }
            }, "forwarder-" + direction + "-" + from.getPort());
            t.setDaemon(true);
            t.start();
        }

        void close() {
            if (pairs.remove(this)) {
                reset(client);
                reset(upstream);
            }
        }
    }
}
