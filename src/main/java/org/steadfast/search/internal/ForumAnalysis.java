package org.steadfast.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilterFactory;
import org.apache.lucene.analysis.shingle.ShingleFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.steadfast.forum.ForumIndex;

/**
 * The analyzers the forum's mapping names, for the Lucene backend (configured as
 * {@code hibernate.search.backend.analysis.configurer}). Another backend needs its own
 * definitions under the same names.
 */
public class ForumAnalysis implements LuceneAnalysisConfigurer {

	/**
	 * Part of the index fingerprint: change it whenever a definition below changes, so that the
	 * next start rebuilds the index with the new analysis.
	 */
	public static final String VERSION = "2";

	/**
	 * Positions left between two values of one field (a topic's posts, its tags), so that a
	 * phrase is never found across two of them; as Elasticsearch's text fields do by default.
	 */
	static final int POSITION_GAP = 100;

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		// Stop words stay in the index: a quoted "no contact" must match as typed. Queries leave
		// them out where that helps (QueryText.meaningfulWords).
		context.analyzer(ForumIndex.ENGLISH).instance(english());
		context.analyzer(ForumIndex.ENGLISH_PAIRS).instance(englishPairs());
		context.analyzer(ForumIndex.WORDS).custom()
				.tokenizer(StandardTokenizerFactory.class)
				.charFilter(PatternReplaceCharFilterFactory.class)
				.param("pattern", "[\u2018\u2019\u02BC]")
				.param("replacement", "'")
				.tokenFilter(LowerCaseFilterFactory.class)
				.tokenFilter(ASCIIFoldingFilterFactory.class);
	}

	/** Built with Lucene's own builder, which (unlike the configurer's) can set the position gap. */
	static Analyzer english() {
		return english(false);
	}

	/** The same terms, each with the next: a post's "came back" becomes the one term "came back". */
	static Analyzer englishPairs() {
		return english(true);
	}

	private static Analyzer english(boolean pairs) {
		try {
			CustomAnalyzer.Builder builder = CustomAnalyzer.builder()
					.withTokenizer(StandardTokenizerFactory.class)
					.addCharFilter(PatternReplaceCharFilterFactory.class, "pattern", "[\u2018\u2019\u02BC]",
							"replacement", "'")
					.addTokenFilter(EnglishPossessiveFilterFactory.class)
					.addTokenFilter(LowerCaseFilterFactory.class)
					.addTokenFilter(ASCIIFoldingFilterFactory.class)
					// Porter rather than Snowball: its stems of a word and of a one-letter typo in it
					// stay one edit apart ("birthdy" and "birthday"), which fuzzy matching relies on.
					.addTokenFilter(PorterStemFilterFactory.class)
					.withPositionIncrementGap(POSITION_GAP);
			if (pairs) {
				builder.addTokenFilter(ShingleFilterFactory.class, "minShingleSize", "2", "maxShingleSize", "2",
						"outputUnigrams", "false");
			}
			return builder.build();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
