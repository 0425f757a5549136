package org.steadfast.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class ForumAnalysisTest {

	@Test
	void englishStemsFoldsAndKeepsStopWords() throws IOException {
		assertThat(terms(ForumAnalysis.english(), "They came back to the Café’s door"))
				.containsExactly("thei", "came", "back", "to", "the", "cafe", "door");
	}

	@Test
	void pairsAreEachTermWithTheNextAndNothingForASingleWord() throws IOException {
		assertThat(terms(ForumAnalysis.englishPairs(), "They came back"))
				.containsExactly("thei came", "came back");
		assertThat(terms(ForumAnalysis.englishPairs(), "Coming back!")).containsExactly("come back");
		assertThat(terms(ForumAnalysis.englishPairs(), "alone")).isEmpty();
	}

	@Test
	void aPhraseIsNeverFoundAcrossTwoValuesOfAField() throws IOException {
		assertThat(ForumAnalysis.english().getPositionIncrementGap("postTexts")).isEqualTo(ForumAnalysis.POSITION_GAP);
		String[] posts = { "the first post ends when they came", "back in the second post" };
		assertThat(count(ForumAnalysis.english(), new PhraseQuery("f", "came", "back"), posts)).isZero();
		assertThat(count(ForumAnalysis.english(), new PhraseQuery("f", "second", "post"), posts)).isEqualTo(1);
		assertThat(count(ForumAnalysis.englishPairs(), new TermQuery(new Term("f", "came back")), posts)).isZero();
		assertThat(count(ForumAnalysis.englishPairs(), new TermQuery(new Term("f", "second post")), posts)).isEqualTo(1);
	}

	/** How many documents match: one, with these values of field {@code f}. */
	private static int count(Analyzer analyzer, Query query, String... values) throws IOException {
		try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
			try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
				Document document = new Document();
				for (String value : values) {
					document.add(new TextField("f", value, Field.Store.NO));
				}
				writer.addDocument(document);
			}
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				return new IndexSearcher(reader).count(query);
			}
		}
	}

	private static List<String> terms(Analyzer analyzer, String text) throws IOException {
		return Spelling.tokens(analyzer, "f", text);
	}
}
