package org.steadfast.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP forwarder that a test can cut and restore, to take a database or a search service
 * away from one app node and give it back: cutting closes every open connection and refuses new ones.
 * Pausing is the other way a server goes away (a process stopped, a network that drops packets):
 * connections stay open and new ones are accepted, but not a byte goes through until it resumes.
 */
public final class TcpProxy implements AutoCloseable {

	private final int port;
	private final int targetPort;
	private final Set<Socket> open = ConcurrentHashMap.newKeySet();
	private volatile ServerSocket server;
	private final Object flow = new Object();
	private volatile boolean paused;

	public TcpProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.port = Processes.freePort();
		restore();
	}

	public int port() {
		return port;
	}

	public synchronized void restore() throws IOException {
		if (server != null) {
			return;
		}
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		server = socket;
		Thread acceptor = new Thread(() -> accept(socket), "proxy-" + port);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** Holds every byte in both directions, on open and new connections, without closing anything. */
	public void pause() {
		paused = true;
	}

	public void resume() {
		synchronized (flow) {
			paused = false;
			flow.notifyAll();
		}
	}

	public synchronized void cut() {
		resume();
		ServerSocket socket = server;
		server = null;
		closeQuietly(socket);
		open.forEach(TcpProxy::closeQuietly);
		open.clear();
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
				open.add(client);
				open.add(upstream);
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException e) {
				// closed by cut(), or the target refused: the client sees its connection drop
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int n;
				while ((n = in.read(buffer)) >= 0) {
					awaitResumed();
					out.write(buffer, 0, n);
					out.flush();
				}
			}
			catch (IOException e) {
				// one side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				open.remove(from);
				open.remove(to);
			}
		}, "proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private void awaitResumed() throws IOException {
		synchronized (flow) {
			while (paused) {
				try {
					flow.wait();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IOException("interrupted while paused", e);
				}
			}
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception e) {
			// already closed
		}
	}

	@Override
	public void close() {
		cut();
	}
}
