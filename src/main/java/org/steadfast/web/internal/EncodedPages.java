package org.steadfast.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.steadfast.web.PageFragments;

/**
 * Pages are written as text by the templates; this filter gathers that text and sends it as one
 * block of bytes with its length. The servlet container would otherwise encode the page piece by
 * piece as it is written, and its encoder falls back to a character-at-a-time loop for the rest of
 * each 8 KB buffer after the first non-ASCII character (an emoji on a reaction button, a curly
 * quote in a post), which made encoding the single largest cost of a signed-in topic page.
 * {@link String#getBytes(Charset)} encodes the page in one pass instead, and parts kept already
 * encoded ({@link PageFragments}: the posts of a topic page) are spliced in as they are.
 * <p>
 * Innermost filter (after Spring Security's chain), GET and HEAD only; a response written as bytes
 * (static files, downloads) passes through untouched.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class EncodedPages extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			chain.doFilter(request, response);
			return;
		}
		PageFragments fragments = PageFragments.begin(request);
		var buffered = new BufferedTextResponse(response);
		chain.doFilter(request, buffered);
		buffered.send(fragments);
	}

	/** A response whose writer fills a buffer; {@link #send} encodes and writes it once. */
	static final class BufferedTextResponse extends HttpServletResponseWrapper {

		private TextBuffer text;
		private PrintWriter writer;

		BufferedTextResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			if (writer == null) {
				text = new TextBuffer();
				writer = new PrintWriter(text, false);
			}
			return writer;
		}

		@Override
		public void flushBuffer() throws IOException {
			// The text is sent whole at the end; flushing it earlier would only split it again.
			if (writer == null) {
				super.flushBuffer();
			}
		}

		@Override
		public void resetBuffer() {
			super.resetBuffer();
			if (text != null) {
				text.clear();
			}
		}

		@Override
		public void reset() {
			super.reset();
			if (text != null) {
				text.clear();
			}
		}

		@Override
		public void sendError(int sc) throws IOException {
			resetBuffer();
			super.sendError(sc);
		}

		@Override
		public void sendError(int sc, String msg) throws IOException {
			resetBuffer();
			super.sendError(sc, msg);
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			resetBuffer();
			super.sendRedirect(location);
		}

		void send(PageFragments fragments) throws IOException {
			if (text == null || text.length() == 0) {
				return;
			}
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
			List<byte[]> chunks = chunks(text.toString(), charset, fragments);
			text = null;
			HttpServletResponse response = (HttpServletResponse) getResponse();
			if (!response.isCommitted()) {
				response.setCharacterEncoding(charset.name());
				response.setContentLengthLong(chunks.stream().mapToLong(chunk -> chunk.length).sum());
			}
			var out = response.getOutputStream();
			for (byte[] chunk : chunks) {
				out.write(chunk);
			}
		}
	}

	/**
	 * The page's bytes: its text encoded, with each part's kept bytes where its marker stands. A
	 * marker this request did not hand out stays as text.
	 */
	static List<byte[]> chunks(String page, Charset charset, PageFragments fragments) {
		if (fragments.isEmpty()) {
			return List.of(page.getBytes(charset));
		}
		boolean utf8 = StandardCharsets.UTF_8.equals(charset);
		String prefix = fragments.prefix();
		List<byte[]> chunks = new ArrayList<>();
		int from = 0;
		int at = page.indexOf(prefix);
		while (at >= 0) {
			int end = page.indexOf('\u0000', at + prefix.length());
			PageFragments.Part part = end < 0 ? null : fragments.part(index(page, at + prefix.length(), end));
			if (part == null) {
				at = page.indexOf(prefix, at + 1);
				continue;
			}
			chunks.add(page.substring(from, at).getBytes(charset));
			for (int i = 0; i < part.pieces().length; i++) {
				if (i > 0) {
					chunks.add(utf8 ? part.joiner() : recode(part.joiner(), charset));
				}
				chunks.add(utf8 ? part.pieces()[i] : recode(part.pieces()[i], charset));
			}
			from = end + 1;
			at = page.indexOf(prefix, from);
		}
		chunks.add(page.substring(from).getBytes(charset));
		return chunks;
	}

	/** The part number a marker holds (1 to 6 digits, as this request wrote it), or -1 for anything else. */
	private static int index(String page, int from, int to) {
		if (to - from < 1 || to - from > 6 || !isAsciiDigit(page.charAt(from))) {
			return -1;
		}
		try {
			return Integer.parseUnsignedInt(page, from, to, 10);
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static byte[] recode(byte[] utf8, Charset charset) {
		return new String(utf8, StandardCharsets.UTF_8).getBytes(charset);
	}

	/** An unsynchronized {@link java.io.StringWriter}: one request thread writes to it. */
	static final class TextBuffer extends Writer {

		private final StringBuilder chars = new StringBuilder(16 * 1024);

		@Override
		public void write(int c) {
			chars.append((char) c);
		}

		@Override
		public void write(char[] buffer, int offset, int length) {
			chars.append(buffer, offset, length);
		}

		@Override
		public void write(String string, int offset, int length) {
			chars.append(string, offset, offset + length);
		}

		@Override
		public Writer append(CharSequence sequence) {
			chars.append(sequence);
			return this;
		}

		int length() {
			return chars.length();
		}

		void clear() {
			chars.setLength(0);
		}

		@Override
		public String toString() {
			return chars.toString();
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}
	}
}
