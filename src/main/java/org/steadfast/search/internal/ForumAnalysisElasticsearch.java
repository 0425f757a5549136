package org.steadfast.search.internal;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.steadfast.forum.ForumIndex;

/**
 * The same analyzers as {@link ForumAnalysis}, defined for the Elasticsearch/OpenSearch backend
 * of the cluster profile: one tokenizer, the same apostrophe folding, possessives, lower case,
 * ASCII folding and the Porter stemmer. Keep the two in step (and {@link ForumAnalysis#VERSION}).
 */
public class ForumAnalysisElasticsearch implements ElasticsearchAnalysisConfigurer {

	private static final String APOSTROPHES = "steadfast_apostrophes";
	private static final String POSSESSIVE = "steadfast_possessive";
	private static final String PAIRS = "steadfast_pairs";

	@Override
	public void configure(ElasticsearchAnalysisConfigurationContext context) {
		context.charFilter(APOSTROPHES).type("pattern_replace")
				.param("pattern", "[\u2018\u2019\u02BC]")
				.param("replacement", "'");
		context.tokenFilter(POSSESSIVE).type("stemmer").param("language", "possessive_english");
		context.analyzer(ForumIndex.ENGLISH).custom()
				.tokenizer("standard")
				.charFilters(APOSTROPHES)
				.tokenFilters(POSSESSIVE, "lowercase", "asciifolding", "porter_stem");
		context.tokenFilter(PAIRS).type("shingle")
				.param("min_shingle_size", 2)
				.param("max_shingle_size", 2)
				.param("output_unigrams", false);
		// Text fields keep 100 positions between values by default, as ForumAnalysis does.
		context.analyzer(ForumIndex.ENGLISH_PAIRS).custom()
				.tokenizer("standard")
				.charFilters(APOSTROPHES)
				.tokenFilters(POSSESSIVE, "lowercase", "asciifolding", "porter_stem", PAIRS);
		context.analyzer(ForumIndex.WORDS).custom()
				.tokenizer("standard")
				.charFilters(APOSTROPHES)
				.tokenFilters("lowercase", "asciifolding");
	}
}
