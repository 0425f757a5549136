package org.steadfast.demo;

import static org.steadfast.forum.ReactionKind.BEEN_THERE;
import static org.steadfast.forum.ReactionKind.HELPED;
import static org.steadfast.forum.ReactionKind.HUG;
import static org.steadfast.forum.ReactionKind.STRONG;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.steadfast.accounts.Role;
import org.steadfast.forum.ReactionKind;

/**
 * The people and conversations of the demo community. Everyone here is invented and no real
 * person is named; exes stay "my ex", "he", "she" or "they". The day counts that people mention
 * agree with one another across topics, so the community reads as one story when browsed.
 */
final class DemoContent {

	/** A demo member; only the {@code dev} profile gives demo members a password (see DemoData). */
	record Person(String username, String displayName, String timeZone, Role role, int joinedDaysAgo) {
	}

	/** A reply posted {@code after} the topic was started. */
	record Reply(String author, Duration after, String source) {
	}

	/** A reaction by {@code member} on the post numbered {@code postNumber} (1 is the first post). */
	record Reaction(int postNumber, String member, ReactionKind kind) {
	}

	/**
	 * A topic started {@code ago} before seeding. {@code helpfulPostNumber} is the reply its author
	 * marked as helpful (advice topics only), or null.
	 */
	record Conversation(String category, String author, Duration ago, String title, List<String> tags, String source,
			List<Reply> replies, List<Reaction> reactions, Integer helpfulPostNumber) {
	}

	static final List<Person> PEOPLE = List.of(
			new Person("northstar", "Northstar", "America/Los_Angeles", Role.MODERATOR, 30),
			new Person("quiet_harbor", "Quiet Harbor", "Europe/London", Role.MEMBER, 28),
			new Person("day_by_day", "Day by day", "America/New_York", Role.MEMBER, 21),
			new Person("still_standing", "Still standing", "Australia/Sydney", Role.MEMBER, 18),
			new Person("fern_and_tea", "Fern", "Europe/Berlin", Role.MEMBER, 14),
			new Person("slow_mornings", "Slow mornings", "Asia/Kolkata", Role.MEMBER, 12),
			new Person("lantern_walk", "Lantern", "America/Chicago", Role.MEMBER, 9),
			new Person("new_leaf", "New leaf", "Europe/Madrid", Role.MEMBER, 2));

	/** Tag names with their descriptions; an empty one is left for a moderator to write. */
	static final Map<String, String> TAGS = tags(
			"day-one", "The first day of no contact, or the first day again.",
			"urges", "The pull to text, call or check their profile, and what helps it pass.",
			"birthday", "Birthdays, anniversaries and other dates that bring them back to mind.",
			"mutual-friends", "Shared friends, parties and group chats.",
			"social-media", "Profiles, likes, stories and the urge to look.",
			"slip", "Broke no contact? Talk it through here, without shame.",
			"milestone", "Day 7, day 30, six months: marking the days that count.",
			"they-reached-out", "When your ex makes contact first.",
			"the-statement", "The one message that explains no contact, and what to put in it.",
			"sleep", "");

	/** Oldest first, so that ids grow with time as they would in a real forum. */
	static final List<Conversation> CONVERSATIONS = List.of(
			new Conversation("success-stories", "northstar", hours(235), "Six months of no contact: what actually changed",
					List.of("milestone"), """
					I said I'd come back and write this when it felt true, so here it is.

					Six months ago I couldn't get through a lunch break without checking whether they'd been online. \
					Today I realised I hadn't thought about them since the weekend. Nothing dramatic happened in \
					between. It was mostly small, boring things, repeated:

					- **Muting instead of watching.** Every time I wanted to check a profile, I muted something instead.
					- **One person I could text at night** instead of my ex. Mine was my sister.
					- **Writing the message I wanted to send** in my notes app, and not sending it. I have about forty \
					of them. I read a few last week and I'm so glad none of them went out.

					> You don't have to feel strong to keep going. You just have to not send the text today.

					Someone told me that when I was on day four. It's still true.

					If you're at the start: it won't feel like this forever. It genuinely gets quieter.
					""",
					List.of(
							new Reply("still_standing", hours(2), """
									Saving this for the bad nights. The notes app thing is exactly what got me through \
									last week. Thank you for coming back to write it.
									"""),
							new Reply("day_by_day", minutes(5 * 60 + 30), """
									> It genuinely gets quieter.

									I needed to read this today. Day 12 for me and it's anything but quiet yet, but it \
									helps to know what's on the other side.
									"""),
							new Reply("quiet_harbor", hours(20), """
									Forty unsent messages is such a good image. I'm at eleven. Here's to never sending \
									any of them.
									""")),
					List.of(new Reaction(1, "still_standing", STRONG), new Reaction(1, "quiet_harbor", STRONG),
							new Reaction(1, "day_by_day", HELPED)),
					null),

			new Conversation("slips-and-fresh-starts", "day_by_day", hours(220),
					"I broke no contact last night. Day one again.", List.of("slip", "day-one"), """
					I made it 12 days and then last night I sent a long message at 1am. It started with "I'm not \
					trying to restart anything" and then tried to restart everything.

					They answered this morning, polite and short. Honestly that hurt more than silence would have.

					I feel stupid. I'm not deleting the counter, I'm just setting it back to **day one**.
					""",
					List.of(
							new Reply("northstar", minutes(70), """
									You're not stupid. You're someone who was hurting at 1am, which is when all of us \
									are at our weakest.

									A few things that help after a slip:

									1. **Don't reply to their reply.** The conversation is over; you don't owe it a \
									closing line.
									2. Write down what happened just before you sent it: the time, where you were, what \
									you'd been doing. That's your early warning next time.
									3. Count the 12 days as real. They were. A slip doesn't delete them.

									Glad you posted instead of hiding.
									"""),
							new Reply("still_standing", hours(3), """
									I did almost exactly this in my first month. The polite short reply is brutal, I \
									know. It's also, weirdly, the thing that helped me stop hoping. Day one with you.
									"""),
							new Reply("slow_mornings", hours(6), """
									Sending a hug. Twelve days is twelve days.
									"""),
							new Reply("quiet_harbor", hours(11), """
									Point 2 is so underrated. Mine was always after a couple of drinks on a Friday. \
									Once I saw the pattern I could plan around it.
									"""),
							new Reply("day_by_day", hours(26), """
									Thank you, all of you. I didn't reply to their reply. The phone charges in the \
									kitchen overnight now. **Day two.**
									""")),
					List.of(new Reaction(1, "northstar", HUG), new Reaction(1, "slow_mornings", HUG),
							new Reaction(1, "still_standing", BEEN_THERE), new Reaction(2, "day_by_day", HELPED),
							new Reaction(2, "quiet_harbor", HELPED), new Reaction(6, "northstar", STRONG)),
					null),

			new Conversation("starting-out", "lantern_walk", hours(200), "Found this place at midnight. Day 5.",
					List.of(), """
					Hi everyone. I've been reading for a couple of nights and finally made an account.

					We were together four years. They ended it three weeks ago, and after two weeks of "staying \
					friends" I realised I was just waiting by my phone. So five days ago I said I needed no \
					contact, and I've kept it since.

					I don't really have a question. I think I just wanted somewhere to say it where people \
					understand why it's so hard to not text someone.
					""",
					List.of(
							new Reply("fern_and_tea", hours(2), """
									Welcome. You don't need a question to post here. Five days after four years is not \
									small. The "staying friends" part is so familiar, I think half of us tried it first.
									"""),
							new Reply("day_by_day", hours(7), """
									Hi and welcome! Writing one line a day in the check-ins helps me, even this week \
									when it went wrong. You're already doing the hard part.
									""")),
					List.of(new Reaction(1, "fern_and_tea", HUG), new Reaction(1, "northstar", HUG)),
					null),

			new Conversation("advice", "fern_and_tea", hours(180), "What do I actually say in the no-contact message?",
					List.of("the-statement"), """
					I've decided to go no contact, but we still have a few practical things between us and I don't \
					want to just vanish. I'd like to send **one** message that explains it, and then stop.

					Every draft I write is either three paragraphs long or sounds cold. What did you say? Did you \
					say anything at all?
					""",
					List.of(
							new Reply("northstar", minutes(90), """
									Short is kinder than long, for both of you. What has worked for a lot of people is \
									something like:

									> I care about you, and that's why I can't do this halfway. What I want is a \
									romantic relationship with you again, or nothing; not friends. Since we don't want \
									the same thing, I'm going to stop contact. Please don't reach out unless you want \
									to try again properly.

									Then settle the practical things in one go (or through a friend) and mute the chat.

									It's honest, it isn't a punishment, and it doesn't leave a door open for "just \
									checking in".
									"""),
							new Reply("day_by_day", hours(4), """
									I didn't send anything and I kind of regret it, because for weeks I kept wondering \
									whether they thought I was just sulking. A short, clear message would have saved me \
									a lot of second-guessing.
									"""),
							new Reply("still_standing", hours(6), """
									One thing: decide beforehand that you **won't read or answer** whatever comes back, \
									at least for a few days. The reply is where it usually goes sideways.
									"""),
							new Reply("fern_and_tea", hours(22), """
									Update: I sent a version of northstar's wording this morning, ending with "please \
									don't reach out unless you want to try again properly".

									They replied "ok, take care". I muted the chat before I could overthink it. \
									Shaking a bit, but it's done. Thank you.
									"""),
							new Reply("quiet_harbor", hours(24), """
									That's brave. "ok, take care" is hard to read, but it means you don't have to \
									wonder anymore. Be gentle with yourself tonight.
									"""),
							new Reply("lantern_walk", hours(30), """
									Bookmarking this whole thread for when I need it. Thank you both.
									""")),
					List.of(new Reaction(2, "fern_and_tea", HELPED), new Reaction(2, "lantern_walk", HELPED),
							new Reaction(2, "day_by_day", HELPED), new Reaction(4, "fern_and_tea", HELPED),
							new Reaction(5, "quiet_harbor", STRONG), new Reaction(5, "northstar", STRONG),
							new Reaction(5, "still_standing", HUG)),
					2),

			new Conversation("daily-check-ins", "slow_mornings", hours(150), "Day 9: the 2am urge to text",
					List.of("urges", "sleep"), """
					Days are okay now. Work, walk, dinner, fine. Then I wake up at 2am and my thumb is already on \
					their name.

					I haven't sent anything. But I lie there for an hour writing and rewriting messages in my head, \
					and then I'm wrecked the next day.

					How do you get through the night part?
					""",
					List.of(
							new Reply("quiet_harbor", minutes(40), """
									The night part was the worst for me too. What helped:

									- Phone charging **outside the bedroom**, and an old alarm clock by the bed.
									- A notebook on the nightstand. Write the message there, on paper. It's surprisingly \
									hard to send a notebook.
									- If I was still awake after 20 minutes, I got up and read something boring in \
									another room until I was sleepy.

									It took about a week for the 2am wake-ups to fade.
									"""),
							new Reply("still_standing", hours(3), """
									Seconding the paper notebook. Mine is full of unsent messages and I'm weirdly proud \
									of it.
									"""),
							new Reply("northstar", hours(5), """
									Nine days and nothing sent, even at 2am: that's the hardest hour there is, and \
									you're getting through it. If the bad sleep goes on for weeks, it's worth talking \
									to a doctor too. No shame in that.
									"""),
							new Reply("slow_mornings", hours(20), """
									Tried the phone-in-the-kitchen thing last night. Woke up at 3, reached for it, it \
									wasn't there, went back to sleep. Small win. Thank you.
									"""),
							new Reply("lantern_walk", hours(23), """
									Same problem here. Trying the notebook tonight.
									""")),
					List.of(new Reaction(1, "lantern_walk", BEEN_THERE), new Reaction(2, "slow_mornings", HELPED),
							new Reaction(2, "lantern_walk", HELPED), new Reaction(5, "quiet_harbor", STRONG)),
					null),

			new Conversation("they-reached-out", "still_standing", hours(130),
					"She texted \"happy birthday\" after five weeks of silence", List.of("birthday", "they-reached-out"), """
					Five weeks of no contact, and this morning: "Happy birthday! Hope you have a great day 🙂"

					That's it. Nothing else. I've read it maybe thirty times. Part of me wants to say thank you, \
					because it's polite. Part of me wants to ask what she meant by it. And part of me is just \
					angry, because I was finally having okay days.

					I haven't replied. Should I?
					""",
					List.of(
							new Reply("quiet_harbor", minutes(30), """
									Happy birthday first of all, from all of us. 🎂

									You don't owe a polite reply to someone you're in no contact with.
									"""),
							new Reply("northstar", minutes(75), """
									A question that helped me: **does this message ask to get back together?** If not, \
									it doesn't change anything. It might be kindness, or habit, or her wanting to feel \
									okay about herself. None of those are yours to fix.

									If you decide to answer anyway, keep it to "Thank you." and nothing that invites a \
									conversation. But not answering is completely fine.
									"""),
							new Reply("day_by_day", hours(3), """
									Mine did the exact same thing on my birthday. I replied "thanks!" and it turned \
									into a two-hour conversation that reset me to day one. Just a data point.
									"""),
							new Reply("still_standing", hours(5), """
									Reading all of this helps. I think I wanted permission not to answer. I'm going out \
									for dinner with my brother and leaving my phone in the car.
									"""),
							new Reply("fern_and_tea", hours(9), """
									Good plan. Have a proper birthday. The text doesn't get to have it.
									"""),
							new Reply("slow_mornings", hours(14), """
									Five weeks is huge. Hope dinner was lovely.
									"""),
							new Reply("still_standing", hours(26), """
									Update: didn't reply. Had a good dinner, felt shaky after, slept fine. The text is \
									archived. **Day 37.**
									""")),
					List.of(new Reaction(1, "quiet_harbor", HUG), new Reaction(1, "fern_and_tea", HUG),
							new Reaction(3, "still_standing", HELPED), new Reaction(4, "still_standing", BEEN_THERE),
							new Reaction(8, "northstar", STRONG), new Reaction(8, "day_by_day", STRONG),
							new Reaction(8, "quiet_harbor", STRONG)),
					null),

			new Conversation("advice", "day_by_day", hours(100), "Mutual friends are having a party and my ex will be there",
					List.of("mutual-friends"), """
					Our friend group is celebrating someone's new job on Saturday. My ex is going. I'm on day 5 \
					(after the slip), and I don't want to lose these friends just because we broke up.

					The options I can see:

					1. Go, stay an hour, leave.
					2. Skip it and see the friend one-on-one next week.
					3. Go with a friend who knows the plan.

					Has anyone done this? What did you do when they were in the same room?
					""",
					List.of(
							new Reply("quiet_harbor", hours(1), """
									I'd go with option 2, at least this early. Seeing your friend one-on-one gives you \
									the friendship without the room full of history. Parties will still exist at day 60.
									"""),
							new Reply("northstar", minutes(150), """
									All three can work; it depends on what you can do without breaking no contact. If \
									you go:

									- Decide **beforehand** what you'll say if they come over. "Hi, hope you're well" \
									and then moving on is enough.
									- Have an exit time and a way home that doesn't depend on anyone.
									- Don't drink more than you usually would.

									Being polite in a shared room isn't breaking no contact. A long talk in the kitchen \
									at midnight is.
									"""),
							new Reply("still_standing", hours(6), """
									I went to one at about day 20. Stayed 90 minutes, said hi, talked to other people. \
									The first ten minutes were awful and then it was fine. Drove home and cried a bit, \
									and that was okay too.
									"""),
							new Reply("lantern_walk", hours(10), """
									Option 3 if you go. Someone who'll notice if you disappear to the balcony with your \
									phone.
									""")),
					List.of(new Reaction(3, "day_by_day", HELPED), new Reaction(4, "day_by_day", BEEN_THERE),
							new Reaction(4, "fern_and_tea", BEEN_THERE)),
					null),

			new Conversation("success-stories", "quiet_harbor", hours(70),
					"30 days today. Writing this for whoever is on day one", List.of("milestone"), """
					**Thirty days.** I honestly didn't think I'd see this number.

					What the first month was actually like, for anyone at the start:

					- Week one: checked my phone every few minutes. Cried in the car a lot.
					- Week two: the nights were the worst. The phone started sleeping in the kitchen.
					- Week three: first whole morning without thinking about them. Felt guilty, weirdly.
					- Week four: I still miss them. But I miss them the way you miss a place, not like I'm drowning.

					I'm not "over it". I'm just here, and steadier than I was. If you're on day one: it's worth it.
					""",
					List.of(
							new Reply("northstar", hours(1), """
									Thirty days! Congratulations. "The way you miss a place" is such a good way to put it.
									"""),
							new Reply("still_standing", hours(2), """
									This gives me hope. I'm on day 38, and week three was exactly like that for me too, \
									the guilt included.
									"""),
							new Reply("fern_and_tea", hours(4), """
									Saving your week-by-week list. Congratulations 💛
									"""),
							new Reply("slow_mornings", hours(7), """
									Day 12 here. The week two nights are real. Good to know it shifts.
									"""),
							new Reply("day_by_day", hours(9), """
									Congratulations. I'm back on day 7 after a slip, and this is exactly what I needed \
									to read.
									"""),
							new Reply("lantern_walk", hours(20), """
									Day 11 here, still in the crying-in-the-car phase. Congratulations!
									""")),
					List.of(new Reaction(1, "northstar", STRONG), new Reaction(1, "day_by_day", STRONG),
							new Reaction(1, "fern_and_tea", STRONG), new Reaction(1, "lantern_walk", BEEN_THERE),
							new Reaction(1, "slow_mornings", HELPED)),
					null),

			new Conversation("slips-and-fresh-starts", "fern_and_tea", hours(60),
					"Deleted the photos, then scrolled their profile for an hour", List.of("social-media", "urges"), """
					Four days since I sent the message (thank you again, advice thread). Tonight I finally deleted \
					our photos from my phone. It felt great for about ten minutes.

					Then I went into the "recently deleted" folder, looked at every one of them again, and ended up \
					on their profile.

					I didn't message anyone, so technically no contact is intact. But it feels like a slip, like I \
					undid four days in an hour.
					""",
					List.of(
							new Reply("northstar", minutes(50), """
									It doesn't undo anything. You didn't contact them, and you did delete the photos. \
									Both of those are true.

									Looking is part of it for most people. What I'd do now:

									- Empty "recently deleted" tonight, or ask a friend to do it with you.
									- **Mute or block their profile**, so that checking takes more than one tap.
									- Deleting things stirs everything up, so next time plan something for the hour \
									after.
									"""),
							new Reply("quiet_harbor", hours(2), """
									I did the exact same thing with the deleted folder. Phones make grief so weirdly \
									technical. Emptying it the next morning felt better than deleting them the first \
									time.
									"""),
							new Reply("fern_and_tea", hours(13), """
									Emptied it. Muted the profile. Going for a walk. Thank you for not telling me I \
									messed up.
									""")),
					List.of(new Reaction(1, "quiet_harbor", BEEN_THERE), new Reaction(1, "lantern_walk", BEEN_THERE),
							new Reaction(2, "fern_and_tea", HELPED), new Reaction(4, "northstar", STRONG)),
					null),

			new Conversation("starting-out", "new_leaf", hours(40),
					"Day one. Blocked the number and now I don't know what to do with my hands", List.of("day-one", "urges"),
					"""
					We broke up last week. Today I blocked their number and archived our chat, because I kept \
					opening it "just to look".

					It's 9pm and I keep picking up my phone and putting it down again. I don't even want to text \
					them exactly. I just don't know what to do with myself.

					Is this normal? How did you get through the first evening?
					""",
					List.of(
							new Reply("northstar", minutes(25), """
									Welcome, and yes, it's completely normal. The first evening is one of the hardest, \
									and you're doing it.

									Things to do with your hands tonight:

									- Put the phone on charge in another room, an hour at a time.
									- Make tea, shower, fold laundry. Boring is good.
									- Post here instead of there. Someone is usually awake.

									> You don't have to feel okay. You just have to get to tomorrow without sending it.
									"""),
							new Reply("quiet_harbor", hours(1), """
									Day one was the worst for me, and I'm a month in now. It gets quieter, I promise. \
									Proud of you for blocking.
									"""),
							new Reply("still_standing", hours(3), """
									Picking up the phone and putting it down again is so familiar. I used to hold a mug \
									of tea instead. Welcome.
									"""),
							new Reply("new_leaf", hours(15), """
									Made it through the night. Phone in the kitchen helped. Thank you all, really. \
									**Day two.**
									""")),
					List.of(new Reaction(1, "quiet_harbor", HUG), new Reaction(1, "day_by_day", HUG),
							new Reaction(1, "lantern_walk", HUG), new Reaction(2, "new_leaf", HELPED),
							new Reaction(5, "northstar", STRONG), new Reaction(5, "quiet_harbor", STRONG)),
					null),

			new Conversation("they-reached-out", "lantern_walk", hours(30),
					"They liked an old photo of mine. Does that count as reaching out?",
					List.of("social-media", "they-reached-out"), """
					Day 12. This morning I got a notification: they liked a photo of mine from two years ago. No \
					message, nothing else.

					I know what I'd tell someone else: it's not a conversation, ignore it. But my brain has been \
					running on it all day. Was it an accident? Are they thinking about me? Should I finally block \
					them everywhere?
					""",
					List.of(),
					List.of(new Reaction(1, "new_leaf", HUG)),
					null),

			new Conversation("daily-check-ins", "slow_mornings", hours(20), "Day 14: quiet day, counting it as a win",
					List.of("sleep"), """
					Nothing much to report, which is the point. Slept through the night for the third time this week. \
					Thought about them on the bus, and then thought about lunch instead.

					Writing it down so I remember that quiet days happen too.
					""",
					List.of(),
					List.of(),
					null));

	private DemoContent() {
	}

	private static Duration hours(int hours) {
		return Duration.ofHours(hours);
	}

	private static Duration minutes(int minutes) {
		return Duration.ofMinutes(minutes);
	}

	private static Map<String, String> tags(String... namesAndDescriptions) {
		Map<String, String> tags = new LinkedHashMap<>();
		for (int i = 0; i < namesAndDescriptions.length; i += 2) {
			tags.put(namesAndDescriptions[i], namesAndDescriptions[i + 1]);
		}
		return Collections.unmodifiableMap(tags);
	}
}
