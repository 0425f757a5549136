package org.steadfast.search.internal;

import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilterFactory;
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
	public static final String VERSION = "1";

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		// Stop words stay in the index: a quoted "no contact" must match as typed. Queries leave
		// them out where that helps (QueryText.meaningfulWords).
		context.analyzer(ForumIndex.ENGLISH).custom()
				.tokenizer(StandardTokenizerFactory.class)
				.charFilter(PatternReplaceCharFilterFactory.class)
				.param("pattern", "[\u2018\u2019\u02BC]")
				.param("replacement", "'")
				.tokenFilter(EnglishPossessiveFilterFactory.class)
				.tokenFilter(LowerCaseFilterFactory.class)
				.tokenFilter(ASCIIFoldingFilterFactory.class)
				// Porter rather than Snowball: its stems of a word and of a one-letter typo in it
				// stay one edit apart ("birthdy" and "birthday"), which fuzzy matching relies on.
				.tokenFilter(PorterStemFilterFactory.class);
		context.analyzer(ForumIndex.WORDS).custom()
				.tokenizer(StandardTokenizerFactory.class)
				.charFilter(PatternReplaceCharFilterFactory.class)
				.param("pattern", "[\u2018\u2019\u02BC]")
				.param("replacement", "'")
				.tokenFilter(LowerCaseFilterFactory.class)
				.tokenFilter(ASCIIFoldingFilterFactory.class);
	}
}
