package org.steadfast.plans.charts;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Message texts as the app resolves them, and a strict XML view of the markup. */
final class ChartTesting {

	static final String SVG_NS = "http://www.w3.org/2000/svg";

	/** The texts proposed for messages.properties; the tests read them the way Spring's MessageSource does. */
	static final String ENGLISH = """
			chart.heatmap.title=No-contact calendar, last 26 weeks
			chart.heatmap.description={0} to {1}. Days without contact: {2}. Days with a check-in: {3}. Slips: {4}.
			chart.heatmap.square={0}: {1}
			chart.heatmap.todaySquare={0}, today: {1}
			chart.heatmap.tableCaption=Each day of the last 26 weeks
			chart.state.noContact=no contact
			chart.state.checkedIn=no contact, checked in
			chart.state.slip=slip
			chart.state.none=no data
			chart.state.beforePlan=before the plan
			chart.state.future=not yet
			chart.legend.noContact=No contact
			chart.legend.checkedIn=Checked in
			chart.legend.slip=Slip
			chart.legend.none=No data
			chart.legend.beforePlan=Before plan
			chart.legend.future=Future
			chart.legend.today=Today
			chart.mood.title=Mood and urge to make contact at recent check-ins
			chart.mood.description=Check-ins shown: {0}, from {1} to {2}. Average mood {3} of 5, average urge {4} of 10. Latest check-in: mood {5} of 5, urge {6} of 10.
			chart.mood.point={0}: mood {1} of 5, urge {2} of 10
			chart.mood.legendMood=Mood (1 to 5)
			chart.mood.legendUrge=Urge (0 to 10)
			chart.mood.axisMood=Mood
			chart.mood.axisUrge=Urge
			chart.mood.empty=No check-ins yet
			chart.mood.emptyDescription=No check-ins yet. Mood and urge appear here after your first check-in.
			chart.mood.tableCaption=Mood and urge at each check-in
			chart.table.date=Date
			chart.table.day=Day
			chart.table.mood=Mood (1 to 5)
			chart.table.urge=Urge (0 to 10)
			""";

	/** Keys that only the page template uses, for the table beside each chart. */
	static final Set<String> TEMPLATE_KEYS = Set.of("chart.heatmap.tableCaption", "chart.mood.tableCaption", "chart.table.date",
			"chart.table.day", "chart.table.mood", "chart.table.urge");

	private ChartTesting() {
	}

	static Map<String, String> english() {
		Properties properties = new Properties();
		try {
			properties.load(new StringReader(ENGLISH));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Map<String, String> texts = new HashMap<>();
		properties.forEach((key, value) -> texts.put((String) key, (String) value));
		return texts;
	}

	static Labels labels(String prefix) {
		return labels(prefix, Locale.ENGLISH, Map.of());
	}

	static Labels labels(String prefix, Locale locale, Map<String, String> overrides) {
		Map<String, String> texts = english();
		texts.putAll(overrides);
		return new Labels(prefix, locale, springLike(texts, locale, ConcurrentHashMap.newKeySet()));
	}

	/** English texts, noting every key a chart asks for. */
	static Labels recording(String prefix, Set<String> asked) {
		return new Labels(prefix, Locale.ENGLISH, springLike(english(), Locale.ENGLISH, asked));
	}

	/**
	 * Like {@code getMessage(key, null, locale)} with always-use-message-format: the text passes
	 * through MessageFormat with no arguments, which unescapes '' and leaves {0} in place.
	 */
	static Function<String, String> springLike(Map<String, String> texts, Locale locale, Set<String> asked) {
		return key -> {
			asked.add(key);
			String text = texts.get(key);
			return text == null ? null : new MessageFormat(text, locale).format(new Object[0]);
		};
	}

	static Document parse(String markup) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			DocumentBuilder builder = factory.newDocumentBuilder();
			InputSource source = new InputSource(new StringReader(markup));
			source.setEncoding(StandardCharsets.UTF_8.name());
			return builder.parse(source);
		}
		catch (ParserConfigurationException | SAXException | IOException e) {
			throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + markup, e);
		}
	}

	static List<Element> elements(Node root, String localName) {
		NodeList nodes = root instanceof Document document
				? document.getElementsByTagNameNS(SVG_NS, localName)
				: ((Element) root).getElementsByTagNameNS(SVG_NS, localName);
		List<Element> list = new ArrayList<>(nodes.getLength());
		for (int i = 0; i < nodes.getLength(); i++) {
			list.add((Element) nodes.item(i));
		}
		return list;
	}

	/** The text of an element's own title child, or null: a tooltip belongs to its direct parent only. */
	static String titleOf(Element element) {
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e && SVG_NS.equals(e.getNamespaceURI()) && "title".equals(e.getLocalName())) {
				return e.getTextContent();
			}
		}
		return null;
	}

	static List<String> texts(Document document) {
		return elements(document, "text").stream().map(Element::getTextContent).toList();
	}

	static List<String> ids(Document document) {
		List<String> ids = new ArrayList<>();
		collectIds(document.getDocumentElement(), ids);
		return ids;
	}

	private static void collectIds(Element element, List<String> ids) {
		if (element.hasAttribute("id")) {
			ids.add(element.getAttribute("id"));
		}
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e) {
				collectIds(e, ids);
			}
		}
	}

	static int utf8Length(String markup) {
		return markup.getBytes(StandardCharsets.UTF_8).length;
	}
}
