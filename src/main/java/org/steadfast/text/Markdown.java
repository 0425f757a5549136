package org.steadfast.text;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.Handler;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamRenderer;
import org.owasp.html.PolicyFactory;

/**
 * Turns a member's Markdown into HTML that is safe to show to everyone else. CommonMark escapes
 * raw HTML, and the OWASP sanitizer then enforces an allowlist on whatever CommonMark produced, so
 * a bug or surprise in either one alone does not let script through. Instances are immutable and
 * thread-safe; {@link #DEFAULT} is the one the application uses.
 */
public final class Markdown {

	private static final List<String> URL_PROTOCOLS = List.of("http", "https", "mailto");

	private static final Pattern LINK_URL = Pattern.compile("(?i)(https?://|mailto:)\\S+");

	/** Marks member links as unvetted: no ranking credit for spam, no window.opener for the target. */
	private static final String LINK_REL = "nofollow ugc noopener";

	/** Images would let a post load third-party content (tracking pixels, huge files) in every reader's browser. */
	private static final Pattern WEB_URL = Pattern.compile("(?i)https?://\\S+");

	/** Elements whose boundaries separate words; text either side of any other tag runs together. */
	private static final Set<String> INLINE = Set.of("a", "em", "strong", "del", "s", "code");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n?|\\n");

	private static final Pattern LEADING_BLANK_LINES = Pattern.compile("\\A(?:[ \\t]*\\R)+");

	private static final Pattern NAME_PUNCTUATION = Pattern.compile("[\\p{Punct}&&[^-]]");

	/**
	 * {@code @username} at a word boundary: not inside an email address or another word. Usernames
	 * are 3 to 20 ASCII letters, digits, underscores or hyphens.
	 */
	private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_@./+-])@([A-Za-z0-9_-]{3,20})(?![A-Za-z0-9_-])");

	/** The only relative links a post can carry: mentions, to a member's profile. */
	private static final Pattern MENTION_URL = Pattern.compile("/u/[A-Za-z0-9_-]{3,20}");

	/** The first line of a quote as {@link #quote} writes it. */
	private static final Pattern QUOTE_HEADER = Pattern.compile("(?m)^> @((?:[A-Za-z0-9-]|\\\\_){3,40}) wrote:$");

	/**
	 * h1 and h2 belong to the page (site name, topic title); a post's headings start at h3.
	 * Relative links are refused too: a post should not be able to send readers to, say, an
	 * account action on this site that looks like a harmless link.
	 */
	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
			.allowElements("p", "br", "hr", "em", "strong", "del", "s", "blockquote", "ul", "ol", "li",
					"code", "pre", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td")
			.allowAttributes("align").matching(true, "left", "center", "right").onElements("th", "td")
			.allowAttributes("start").matching(Pattern.compile("[0-9]{1,9}")).onElements("ol")
			.allowElements(Markdown::linkWithRel, "a")
			.allowAttributes("href").matching(Pattern.compile(LINK_URL.pattern() + "|" + MENTION_URL.pattern())).onElements("a")
			.allowAttributes("class").matching(true, "mention").onElements("a")
			.allowUrlProtocols(URL_PROTOCOLS.toArray(String[]::new))
			.toFactory();

	/** Declared after the constants its constructor reads, since static fields initialise in order. */
	public static final Markdown DEFAULT = new Markdown();

	private final Parser parser;

	private final HtmlRenderer renderer;

	public Markdown() {
		List<Extension> extensions = List.of(AutolinkExtension.create(), StrikethroughExtension.create(),
				TablesExtension.create());
		// Without HtmlBlock a line starting with a tag is an ordinary paragraph whose tags the renderer escapes.
		// The parser tries block types in iteration order ("Sub\n---" is a heading only if Heading comes
		// before ThematicBreak), so this keeps CommonMark's own order rather than an unordered Set.of.
		Set<Class<? extends Block>> blockTypes = new LinkedHashSet<>(List.of(BlockQuote.class, Heading.class,
				FencedCodeBlock.class, ThematicBreak.class, ListBlock.class, IndentedCodeBlock.class));
		this.parser = Parser.builder()
				.extensions(extensions)
				.enabledBlockTypes(blockTypes)
				.postProcessor(document -> {
					document.accept(new ForumConventions());
					return document;
				})
				.build();
		this.renderer = HtmlRenderer.builder()
				.extensions(extensions)
				.escapeHtml(true)
				.sanitizeUrls(true)
				.urlSanitizer(new DefaultUrlSanitizer(URL_PROTOCOLS))
				.percentEncodeUrls(true)
				.attributeProviderFactory(context -> (node, tagName, attributes) -> {
					if (node instanceof Link link && MENTION_URL.matcher(link.getDestination()).matches()) {
						attributes.put("class", "mention");
					}
				})
				.build();
	}

	/** Safe HTML and plain text for a post; a null source renders as empty. */
	public RenderedText render(String markdown) {
		return sanitize(renderer.render(parser.parse(markdown == null ? "" : markdown)));
	}

	/**
	 * Safe HTML with {@code @username} mentions linked to the profiles of the members that exist.
	 * {@code existing} gets the lower-cased names mentioned and answers which of them exist (one
	 * lookup per post). Mentions in code and inside links stay text.
	 */
	public RenderedText render(String markdown, Function<Set<String>, Set<String>> existing) {
		Node document = parser.parse(markdown == null ? "" : markdown);
		Map<Text, List<MatchResult>> found = new LinkedHashMap<>();
		document.accept(new MentionFinder(found));
		Set<String> names = new LinkedHashSet<>();
		found.values().forEach(matches -> matches.forEach(m -> names.add(m.group(1).toLowerCase(Locale.ROOT))));
		if (!names.isEmpty()) {
			Set<String> known = existing.apply(names);
			found.forEach((text, matches) -> link(text, matches, known));
		}
		return sanitize(renderer.render(document));
	}

	/** The lower-cased usernames a post mentions (outside code and links), whether or not they exist. */
	public Set<String> mentions(String markdown) {
		Map<Text, List<MatchResult>> found = new LinkedHashMap<>();
		parser.parse(markdown == null ? "" : markdown).accept(new MentionFinder(found));
		Set<String> names = new LinkedHashSet<>();
		found.values().forEach(matches -> matches.forEach(m -> names.add(m.group(1).toLowerCase(Locale.ROOT))));
		return names;
	}

	/** The lower-cased usernames whose posts this Markdown quotes, as {@link #quote} wrote them. */
	public static Set<String> quotedNames(String markdown) {
		Set<String> names = new LinkedHashSet<>();
		Matcher m = QUOTE_HEADER.matcher(markdown == null ? "" : markdown);
		while (m.find()) {
			names.add(m.group(1).replace("\\", "").toLowerCase(Locale.ROOT));
		}
		return names;
	}

	private static void link(Text text, List<MatchResult> matches, Set<String> known) {
		String literal = text.getLiteral();
		int from = 0;
		for (MatchResult m : matches) {
			String name = m.group(1);
			if (!known.contains(name.toLowerCase(Locale.ROOT))) {
				continue;
			}
			if (m.start() > from) {
				text.insertBefore(new Text(literal.substring(from, m.start())));
			}
			Link mention = new Link("/u/" + name, null);
			mention.appendChild(new Text(m.group()));
			text.insertBefore(mention);
			from = m.end();
		}
		if (from > 0) {
			if (from < literal.length()) {
				text.insertBefore(new Text(literal.substring(from)));
			}
			text.unlink();
		}
	}

	/** Text nodes with mentions in them, outside links (code spans and blocks are not Text nodes). */
	private static final class MentionFinder extends AbstractVisitor {

		private final Map<Text, List<MatchResult>> found;

		MentionFinder(Map<Text, List<MatchResult>> found) {
			this.found = found;
		}

		@Override
		public void visit(Link link) {
			// A link's text stays as written.
		}

		@Override
		public void visit(Text text) {
			List<MatchResult> matches = MENTION.matcher(text.getLiteral()).results().toList();
			if (!matches.isEmpty()) {
				found.put(text, matches);
			}
		}
	}

	/** The allowlist alone, without CommonMark's escaping in front of it; separate so tests can attack it directly. */
	static RenderedText sanitize(String unsafeHtml) {
		StringBuilder html = new StringBuilder(unsafeHtml.length());
		StringBuilder text = new StringBuilder(unsafeHtml.length());
		HtmlStreamRenderer out = HtmlStreamRenderer.create(html, Handler.DO_NOTHING);
		// Taking the text from the sanitizer's output stream means it is exactly what readers see.
		HtmlSanitizer.sanitize(unsafeHtml, POLICY.apply(new TextCollector(out, text)));
		String plainText = WHITESPACE.matcher(text).replaceAll(" ").strip();
		return new RenderedText(html.toString(), plainText);
	}

	/**
	 * Markdown that quotes a post at the top of a reply: {@code > @name wrote:} and then each
	 * line of the source, ending in a blank line so the reply's own text starts a new paragraph
	 * rather than continuing the quote.
	 */
	public static String quote(String authorUsername, String markdownSource) {
		// An underscore-wrapped name like _bob_ would otherwise render as emphasis; hyphens are harmless.
		String name = NAME_PUNCTUATION.matcher(authorUsername == null ? "" : authorUsername).replaceAll("\\\\$0");
		StringBuilder quote = new StringBuilder("> @").append(name).append(" wrote:\n");
		// Only blank lines are trimmed at the start: leading spaces may be an indented code block.
		String body = markdownSource == null ? "" : LEADING_BLANK_LINES.matcher(markdownSource).replaceFirst("").stripTrailing();
		if (!body.isEmpty()) {
			for (String line : LINE_BREAK.split(body, -1)) {
				quote.append(line.isBlank() ? ">" : "> " + line).append('\n');
			}
		}
		return quote.append('\n').toString();
	}

	/** Element policies see only the attributes that survived, so a link whose URL was refused has none left. */
	private static String linkWithRel(String element, List<String> attributes) {
		if (attributes.isEmpty()) {
			return null;
		}
		attributes.add("rel");
		attributes.add(LINK_REL);
		return element;
	}

	/** Shifts headings below the page's own and turns images into links. */
	private static final class ForumConventions extends AbstractVisitor {

		@Override
		public void visit(Heading heading) {
			heading.setLevel(Math.min(6, heading.getLevel() + 2));
			visitChildren(heading);
		}

		@Override
		public void visit(Link link) {
			visitChildren(link);
			// Keeping the text shows the reader what was written without making it clickable.
			if (!LINK_URL.matcher(link.getDestination()).matches()) {
				unwrap(link);
			}
		}

		@Override
		public void visit(Image image) {
			String alt = AltText.of(image);
			String url = image.getDestination();
			Node replacement;
			// A link inside a link is invalid HTML and browsers split it unpredictably.
			if (WEB_URL.matcher(url).matches() && !insideLink(image)) {
				replacement = new Link(url, image.getTitle());
				replacement.appendChild(new Text(alt.isBlank() ? url : alt));
			}
			else {
				replacement = new Text(alt);
			}
			image.insertBefore(replacement);
			image.unlink();
		}

		private static void unwrap(Node node) {
			for (Node child = node.getFirstChild(); child != null; child = node.getFirstChild()) {
				node.insertBefore(child);
			}
			node.unlink();
		}

		private static boolean insideLink(Node node) {
			for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
				if (parent instanceof Link) {
					return true;
				}
			}
			return false;
		}
	}

	/** An image's description flattened to text, as a screen reader would read it. */
	private static final class AltText extends AbstractVisitor {

		private final StringBuilder text = new StringBuilder();

		static String of(Image image) {
			AltText alt = new AltText();
			alt.visitChildren(image);
			return alt.text.toString().strip();
		}

		@Override
		public void visit(Text node) {
			text.append(node.getLiteral());
		}

		@Override
		public void visit(Code node) {
			text.append(node.getLiteral());
		}

		@Override
		public void visit(SoftLineBreak node) {
			text.append(' ');
		}

		@Override
		public void visit(HardLineBreak node) {
			text.append(' ');
		}
	}

	/** Passes sanitized events on to the HTML writer while keeping their text. */
	private record TextCollector(HtmlStreamEventReceiver html, StringBuilder text) implements HtmlStreamEventReceiver {

		@Override
		public void openDocument() {
			html.openDocument();
		}

		@Override
		public void closeDocument() {
			html.closeDocument();
		}

		@Override
		public void openTag(String name, List<String> attributes) {
			html.openTag(name, attributes);
			separate(name);
		}

		@Override
		public void closeTag(String name) {
			html.closeTag(name);
			separate(name);
		}

		@Override
		public void text(String chunk) {
			html.text(chunk);
			text.append(chunk);
		}

		private void separate(String element) {
			if (!INLINE.contains(element)) {
				text.append(' ');
			}
		}
	}
}
