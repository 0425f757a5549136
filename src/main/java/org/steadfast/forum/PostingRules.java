package org.steadfast.forum;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.steadfast.text.PlainText;

/** What a title and a post body must be. Checked on every write, whatever the form sent. */
public final class PostingRules {

	public static final int TITLE_MIN = 5;
	public static final int TITLE_MAX = 150;
	public static final int BODY_MAX = 20_000;

	private PostingRules() {
	}

	/** The message key of the first broken rule for a topic title. */
	public static Optional<String> checkTitle(String title) {
		String t = PlainText.normalize(title);
		if (t.isEmpty()) {
			return Optional.of("title.required");
		}
		if (PlainText.hasForbiddenCharacters(t) || PlainText.hasLineBreaks(t)) {
			return Optional.of("text.forbiddenCharacters");
		}
		int length = PlainText.length(t);
		if (length < TITLE_MIN || length > TITLE_MAX) {
			return Optional.of("title.length");
		}
		return Optional.empty();
	}

	/** The message key of the first broken rule for a post body (Markdown source). */
	public static Optional<String> checkBody(String body) {
		String b = normalizeBody(body);
		if (b.isBlank()) {
			return Optional.of("body.required");
		}
		if (PlainText.length(b) > BODY_MAX) {
			return Optional.of("body.tooLong");
		}
		if (PlainText.hasForbiddenCharacters(b)) {
			return Optional.of("text.forbiddenCharacters");
		}
		return Optional.empty();
	}

	/** Line endings unified and trailing whitespace trimmed, so that the same text hashes the same. */
	public static String normalizeBody(String body) {
		if (body == null) {
			return "";
		}
		return PlainText.normalize(body.replace("\r\n", "\n").replace('\r', '\n'));
	}

	/** A fingerprint of the body for spotting the same text posted twice. */
	public static String bodyHash(String body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
					.digest(normalizeBody(body).toLowerCase().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
