package org.steadfast.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.steadfast.forum.PostingRules;
import org.steadfast.text.Markdown;
import org.steadfast.text.RenderedText;

/**
 * A pool of varied Markdown posts about no-contact life, each rendered once: 200,000 posts draw
 * from it instead of rendering 200,000 times. Lengths vary from one line to several paragraphs
 * with lists, emphasis and quotes, as real replies do.
 */
final class BenchTexts {

	/** One post body: its source as stored, the sanitized HTML, the plain text, and the duplicate-check hash. */
	record Text(String source, String html, String plainText, String hash) {
	}

	static final String[] SUBJECTS = { "birthday", "mutual friends", "social media", "moving out", "relapse",
			"their new partner", "the holidays", "an old playlist", "the shared dog", "a late-night text",
			"our anniversary", "their family", "the gym we both go to", "a voicemail", "returning their things",
			"work events", "a wedding invitation", "unfollowing", "blocking their number", "the first weekend alone",
			"journaling", "therapy", "sleeping again", "the urge to check their profile", "a mutual friend's party",
			"the apartment lease", "their birthday next week", "a breadcrumb message", "the hoover text",
			"a friend who keeps mentioning them" };

	private static final String[] OPENINGS = { "Day %d and I keep thinking about %s.",
			"Can I ask how you all handled %s?", "Something happened today with %s.",
			"I did not expect %s to hit me this hard.", "Quick update on %s.", "Honest question about %s.",
			"Writing this instead of texting them: %s is on my mind again.", "Small win today around %s." };

	private static final String[] SENTENCES = { "I almost reached out, then I opened this forum instead.",
			"My friend reminded me why I started no contact in the first place.",
			"The first two weeks were the hardest, and then it got quieter.",
			"I wrote the message in my notes app and deleted it an hour later.",
			"They liked an old photo of mine, and it threw my whole evening off.",
			"I went for a long walk and called my sister, which helped more than I thought.",
			"Some nights I still wake up and reach for my phone.",
			"Muting them everywhere was the best thing I did this month.",
			"It is not about punishing them, it is about giving myself room to heal.",
			"I keep a list of the reasons on my fridge and read it every morning.",
			"Someone here said the urge is a wave: it rises, peaks and passes. That stuck with me.",
			"I told the mutual friends I would rather not hear updates, and most of them understood.",
			"Therapy has been slow but steady, and I sleep better than I did in spring.",
			"When the birthday came I planned the whole day so I would not sit alone with it.",
			"I moved their things into a box and gave it to a friend to return.",
			"I slipped last week and I am back to day one, but I am not ashamed of it.",
			"Reading old threads here at 2 am kept me from texting more times than I can count.",
			"My streak is the longest it has ever been and I feel lighter.",
			"They came back with a casual hey, as if nothing happened. I did not answer.",
			"The holidays were rough, but I made new traditions with friends." };

	private static final String[] LIST_ITEMS = { "delete the thread", "mute their stories", "call a friend first",
			"write it down instead", "go outside for ten minutes", "drink some water and breathe",
			"read my reasons list", "check in here", "put the phone in another room", "plan tomorrow morning" };

	private static final String[] QUOTES = { "The urge passes whether you act on it or not.",
			"No contact is a gift you give yourself.", "Day one again is still a day one you chose.",
			"You are allowed to miss them and still not go back." };

	private BenchTexts() {
	}

	/** {@code count} rendered posts, the same for the same seed. */
	static List<Text> pool(long seed, int count) {
		SplittableRandom random = new SplittableRandom(seed);
		List<Text> pool = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String markdown = markdown(random, i);
			String source = PostingRules.normalizeBody(markdown);
			RenderedText rendered = Markdown.DEFAULT.render(source);
			pool.add(new Text(source, rendered.html(), rendered.plainText(), PostingRules.bodyHash(source)));
		}
		return pool;
	}

	private static String markdown(SplittableRandom random, int n) {
		StringBuilder md = new StringBuilder();
		String subject = pick(random, SUBJECTS);
		md.append(String.format(pick(random, OPENINGS), 1 + random.nextInt(400), subject));
		// Mostly short replies, a few long ones: 1 to 6 paragraphs, skewed short.
		int paragraphs = 1 + (int) (Math.pow(random.nextDouble(), 2) * 6);
		for (int p = 0; p < paragraphs; p++) {
			md.append("\n\n");
			int sentences = 1 + random.nextInt(4);
			for (int s = 0; s < sentences; s++) {
				String sentence = pick(random, SENTENCES);
				if (random.nextInt(12) == 0) {
					sentence = sentence.replaceFirst("(\\w+ \\w+)", "**$1**");
				}
				md.append(s == 0 ? "" : " ").append(sentence);
			}
			if (random.nextInt(8) == 0) {
				md.append("\n\n");
				int items = 2 + random.nextInt(4);
				for (int k = 0; k < items; k++) {
					md.append("- ").append(pick(random, LIST_ITEMS)).append('\n');
				}
			}
			if (random.nextInt(14) == 0) {
				md.append("\n\n> ").append(pick(random, QUOTES));
			}
		}
		// A number keeps each pooled text distinct, as real posts are.
		md.append("\n\n").append("(").append(n % 7 == 0 ? "edit: thank you all" : "thanks for reading").append(", #")
				.append(n).append(")");
		return md.toString();
	}

	static String pick(SplittableRandom random, String[] options) {
		return options[random.nextInt(options.length)];
	}
}
