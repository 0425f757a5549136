package org.steadfast.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.steadfast.web.ContentChanges;

/** Many guests asking for a page that must be rendered again cost one rendering, never a stale page after a write. */
class AnonymousPageCacheTest {

	private final AtomicInteger renderings = new AtomicInteger();
	private final ExecutorService pool = Executors.newFixedThreadPool(8);
	private volatile CountDownLatch rendering = new CountDownLatch(0);
	private volatile CountDownLatch release = new CountDownLatch(0);

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	/** The page's text is the number of the rendering that made it. */
	private final FilterChain chain = (request, response) -> {
		int n = renderings.incrementAndGet();
		rendering.countDown();
		try {
			release.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		response.setContentType("text/html;charset=UTF-8");
		response.getOutputStream().write(("rendering " + n).getBytes(StandardCharsets.UTF_8));
	};

	private String guest(AnonymousPageCache cache) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		cache.doFilter(new MockHttpServletRequest("GET", "/latest"), response, chain);
		return response.getContentAsString();
	}

	private List<Future<String>> guests(AnonymousPageCache cache, int n) {
		List<Future<String>> answers = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			answers.add(pool.submit(() -> guest(cache)));
		}
		return answers;
	}

	@Test
	void guestsArrivingWhileAPageIsRenderedWaitForThatRendering() throws Exception {
		AnonymousPageCache cache = new AnonymousPageCache(new ContentChanges(), Duration.ofMinutes(1), 1 << 20);
		rendering = new CountDownLatch(1);
		release = new CountDownLatch(1);
		List<Future<String>> answers = guests(cache, 8);
		assertThat(rendering.await(5, TimeUnit.SECONDS)).isTrue();
		Thread.sleep(200);
		release.countDown();
		for (Future<String> answer : answers) {
			assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo("rendering 1");
		}
		assertThat(renderings).hasValue(1);
	}

	@Test
	void aRenderingThatAWriteOvertookAnswersNobodyWhoCameAfterTheWrite() throws Exception {
		AnonymousPageCache cache = new AnonymousPageCache(new ContentChanges(), Duration.ofMinutes(1), 1 << 20);
		rendering = new CountDownLatch(1);
		release = new CountDownLatch(1);
		Future<String> first = pool.submit(() -> guest(cache));
		assertThat(rendering.await(5, TimeUnit.SECONDS)).isTrue();
		cache.evictAll();
		Future<String> afterTheWrite = pool.submit(() -> guest(cache));
		Thread.sleep(200);
		release.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("rendering 1");
		assertThat(afterTheWrite.get(5, TimeUnit.SECONDS)).isEqualTo("rendering 2");
		assertThat(guest(cache)).as("the later rendering is the one kept").isEqualTo("rendering 2");
	}

	@Test
	void anExpiredPageIsRenderedAfreshByOneGuestWhileTheOthersGetTheOldCopy() throws Exception {
		AnonymousPageCache cache = new AnonymousPageCache(new ContentChanges(), Duration.ofMillis(100), 1 << 20);
		assertThat(guest(cache)).isEqualTo("rendering 1");
		Thread.sleep(150);
		rendering = new CountDownLatch(1);
		release = new CountDownLatch(1);
		Future<String> refreshing = pool.submit(() -> guest(cache));
		assertThat(rendering.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(guests(cache, 4)).allSatisfy(answer -> assertThat(answer.get(5, TimeUnit.SECONDS))
				.isEqualTo("rendering 1"));
		release.countDown();
		assertThat(refreshing.get(5, TimeUnit.SECONDS)).isEqualTo("rendering 2");
		assertThat(guest(cache)).isEqualTo("rendering 2");
		assertThat(renderings).hasValue(2);
	}
}
