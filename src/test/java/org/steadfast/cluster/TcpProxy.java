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
 */
final class TcpProxy implements AutoCloseable {

	private final int port;
	private final int targetPort;
	private final Set<Socket> open = ConcurrentHashMap.newKeySet();
	private volatile ServerSocket server;

	TcpProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.port = Processes.freePort();
		restore();
	}

	int port() {
		return port;
	}

	synchronized void restore() throws IOException {
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

	synchronized void cut() {
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
