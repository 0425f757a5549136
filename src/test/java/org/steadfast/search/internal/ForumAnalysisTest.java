package org.steadfast.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
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
		Analyzer english = ForumAnalysis.english();
		Analyzer pairs = ForumAnalysis.englishPairs();
		assertThat(english.getPositionIncrementGap("postTexts")).isEqualTo(ForumAnalysis.POSITION_GAP);
		try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
			try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(english))) {
				Document apart = new Document();
				apart.add(new TextField("text", "the first post ends when they came", Field.Store.NO));
				apart.add(new TextField("text", "back in the second post", Field.Store.NO));
				writer.addDocument(apart);
			}
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				IndexSearcher searcher = new IndexSearcher(reader);
				assertThat(searcher.count(new PhraseQuery("text", "came", "back"))).isZero();
				assertThat(searcher.count(new PhraseQuery("text", "second", "post"))).isEqualTo(1);
			}
		}
		try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
			try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(pairs))) {
				Document apart = new Document();
				apart.add(new TextField("pairs", "the first post ends when they came", Field.Store.NO));
				apart.add(new TextField("pairs", "back in the second post", Field.Store.NO));
				writer.addDocument(apart);
			}
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				IndexSearcher searcher = new IndexSearcher(reader);
				assertThat(searcher.count(new TermQuery(new Term("pairs", "came back")))).isZero();
				assertThat(searcher.count(new TermQuery(new Term("pairs", "second post")))).isEqualTo(1);
			}
		}
	}

	private static List<String> terms(Analyzer analyzer, String text) throws IOException {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("f", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		return terms;
	}
}
