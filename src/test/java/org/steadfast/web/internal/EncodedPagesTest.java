package org.steadfast.web.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.steadfast.web.PageFragments;

import static org.assertj.core.api.Assertions.assertThat;


class EncodedPagesTest {

	private final EncodedPages filter = new EncodedPages();

	@Test
	void aPageWrittenAsTextIsSentAsItsUtf8BytesWithItsLength() throws Exception {
		MockHttpServletResponse response = send("GET", (req, res) -> {
			res.setContentType("text/html;charset=UTF-8");
			res.getWriter().write("<p>Day 12 🤗 “kept”</p>");
		});
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<p>Day 12 🤗 “kept”</p>");
		assertThat(response.getContentLength()).isEqualTo("<p>Day 12 🤗 “kept”</p>".getBytes(StandardCharsets.UTF_8).length);
	}

	@Test
	void keptPartsAreSplicedInWithTheRequestsOwnJoinerAndForgedMarkersStayText() throws Exception {
		MockHttpServletResponse response = send("GET", (req, res) -> {
			res.setContentType("text/html;charset=UTF-8");
			byte[][] pieces = PageFragments.pieces("<form>TOKEN</form><p>é</p>", "TOKEN");
			String marker = PageFragments.add(req, pieces, "abc123");
			String forged = "\u0000000000:0\u0000";
			res.getWriter().write("<main>" + marker + "|" + forged + "|" + PageFragments.add(req, pieces, "xyz") + "</main>");
		});
		assertThat(response.getContentAsString(StandardCharsets.UTF_8))
				.isEqualTo("<main><form>abc123</form><p>é</p>|\u0000000000:0\u0000|<form>xyz</form><p>é</p></main>");
		assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
	}

	@Test
	void partsAreTextWhereThePageIsNotSentWhole() throws Exception {
		MockHttpServletResponse response = send("POST", (req, res) -> {
			assertThat(PageFragments.accepted(req)).isFalse();
			res.getWriter().write(PageFragments.text(PageFragments.pieces("<a>T</a><b>T</b>", "T"), "tok"));
		});
		assertThat(response.getContentAsString()).isEqualTo("<a>tok</a><b>tok</b>");
	}

	@Test
	void aResetOrAnErrorDropsWhatWasWritten() throws Exception {
		MockHttpServletResponse response = send("GET", (req, res) -> {
			res.getWriter().write("half a page");
			res.sendError(HttpServletResponse.SC_NOT_FOUND);
		});
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getContentAsString()).doesNotContain("half a page");
	}

	@Test
	void bytesWrittenByTheApplicationPassThrough() throws Exception {
		MockHttpServletResponse response = send("GET", (req, res) -> res.getOutputStream().write(new byte[] { 1, 2, 3 }));
		assertThat(response.getContentAsByteArray()).containsExactly(1, 2, 3);
	}

	interface Page {
		void write(MockHttpServletRequest request, HttpServletResponse response) throws Exception;
	}

	private MockHttpServletResponse send(String method, Page page) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/t/1/x");
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain(new HttpServlet() {
			@Override
			protected void service(HttpServletRequest req, HttpServletResponse res) {
				try {
					page.write((MockHttpServletRequest) req, res);
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}
		}));
		return response;
	}
}
