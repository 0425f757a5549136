package org.steadfast.forum;

import java.util.List;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.Role;
import org.steadfast.common.Refusal;
import org.steadfast.forum.ForumViews.CategoryView;
import org.steadfast.support.IntegrationTest;
import org.steadfast.support.Members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


/** What administrators and moderators do to the forum's structure: categories, tags, roles. */
@IntegrationTest
class ForumAdminIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Members members;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TopicService topics;

	@Autowired
	FormTokens formTokens;

	@Autowired
	CategoryRepository categories;

	@Autowired
	CategoryService categoryService;

	MemberPrincipal moderator(MemberPrincipal member) {
		return new MemberPrincipal(member.id(), member.username(), member.displayName(), member.zoneId(),
				Role.MODERATOR, member.password());
	}

	String html(ResultActions result) throws Exception {
		return HtmlUtils.htmlUnescape(result.andReturn().getResponse().getContentAsString());
	}

	@Test
	void adminsCreateReorderAndArchiveCategories() throws Exception {
		MemberPrincipal admin = members.admin("boss");
		String name = "Holidays " + UUID.randomUUID().toString().substring(0, 5);
		// The categories are kept for a few seconds; every change below must show at once all the same.
		assertThat(categoryService.all()).extracting(CategoryView::name).doesNotContain(name);
		mvc.perform(post("/admin/categories").with(user(admin)).with(csrf()).param("name", name)
				.param("description", "Getting through the holidays").param("advice", "true"))
				.andExpect(status().is3xxRedirection());
		Category created = categories.findAllByOrderByPositionAsc().stream().filter(c -> c.getName().equals(name))
				.findFirst().orElseThrow();
		assertThat(created.isAdvice()).isTrue();
		assertThat(html(mvc.perform(get("/latest")))).contains(name);
		assertThat(categoryService.open()).extracting(CategoryView::name).contains(name);
		int shownAt = categoryService.all().stream().map(CategoryView::name).toList().indexOf(name);

		int before = created.getPosition();
		mvc.perform(post("/admin/categories/" + created.getId() + "/move").with(user(admin)).with(csrf())
				.param("direction", "-1")).andExpect(status().is3xxRedirection());
		assertThat(categories.findById(created.getId()).orElseThrow().getPosition()).isEqualTo(before - 1);
		assertThat(categoryService.all().stream().map(CategoryView::name).toList().indexOf(name)).isEqualTo(shownAt - 1);

		mvc.perform(post("/admin/categories/" + created.getId() + "/archive").with(user(admin)).with(csrf())
				.param("archived", "true")).andExpect(status().is3xxRedirection());
		assertThat(html(mvc.perform(get("/latest")))).doesNotContain(name);
		assertThat(categoryService.open()).extracting(CategoryView::name).doesNotContain(name);
		assertThat(categoryService.all()).filteredOn(c -> c.name().equals(name)).extracting(CategoryView::archived)
				.containsExactly(true);
		MemberPrincipal author = members.create("archived");
		Assertions.assertThatThrownBy(() -> topics.startTopic(author.id(),
				TopicService.NewTopic.discussion(created.getId(), "Into the archive", "body", List.of()),
				formTokens.issue(author.id()))).isInstanceOf(Refusal.class).hasMessage("category.archived");
		assertThat(html(mvc.perform(get("/c/" + created.getSlug())))).contains("This category is archived");
	}

	@Test
	void badCategoryInputIsRefusedWithTheTextKept() throws Exception {
		MemberPrincipal admin = members.admin("strict");
		String page = html(mvc.perform(post("/admin/categories").with(user(admin)).with(csrf()).param("name", "")
				.param("description", "A description I typed")).andExpect(status().isOk()));
		assertThat(page).contains("A category name has 1 to 60 characters", "A description I typed");
		String duplicate = html(mvc.perform(post("/admin/categories").with(user(admin)).with(csrf())
				.param("name", "Advice").param("description", "")));
		assertThat(duplicate).contains("A category with that name already exists.");
		mvc.perform(post("/admin/categories/999999/archive").with(user(admin)).with(csrf()).param("archived", "true"))
				.andExpect(status().isNotFound());
	}

	@Test
	void membersAndModeratorsCannotManageCategoriesOrRoles() throws Exception {
		MemberPrincipal member = members.create("plain");
		for (var who : List.of(member, moderator(member))) {
			mvc.perform(get("/admin/categories").with(user(who))).andExpect(status().isForbidden());
			mvc.perform(post("/admin/categories").with(user(who)).with(csrf()).param("name", "Mine"))
					.andExpect(status().isForbidden());
			mvc.perform(post("/admin/members/" + member.id() + "/role").with(user(who)).with(csrf())
					.param("role", "ADMIN")).andExpect(status().isForbidden());
		}
		assertThat(jdbc.queryForObject("select role from member where id = ?", String.class, member.id()))
				.isEqualTo("MEMBER");
	}

	@Test
	void adminsGrantTheModeratorRoleButNotToThemselves() throws Exception {
		MemberPrincipal admin = members.admin("granter");
		MemberPrincipal member = members.create("promoted");
		assertThat(html(mvc.perform(get("/admin/members").param("q", member.username()).with(user(admin)))))
				.contains(member.username());
		mvc.perform(post("/admin/members/" + member.id() + "/role").with(user(admin)).with(csrf()).param("role", "MODERATOR"))
				.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select role from member where id = ?", String.class, member.id()))
				.isEqualTo("MODERATOR");
		mvc.perform(post("/admin/members/" + admin.id() + "/role").with(user(admin)).with(csrf()).param("role", "MEMBER"))
				.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select role from member where id = ?", String.class, admin.id()))
				.isEqualTo("ADMIN");
		mvc.perform(post("/admin/members/" + member.id() + "/role").with(user(admin)).with(csrf()).param("role", "GOD"))
				.andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/members/99999999/role").with(user(admin)).with(csrf()).param("role", "MEMBER"))
				.andExpect(status().isNotFound());
	}

	@Test
	void moderatorsPinAndLockTopicsAndPinnedTopicsComeFirstInTheirCategory() throws Exception {
		MemberPrincipal author = members.create("pinned");
		MemberPrincipal mod = moderator(members.create("pinner"));
		long category = categories.findBySlug("they-reached-out").orElseThrow().getId();
		Topic older = topics.startTopic(author.id(), TopicService.NewTopic.discussion(category,
				"Read this first " + UUID.randomUUID().toString().substring(0, 4), "Rules of thumb", List.of()),
				formTokens.issue(author.id()));
		Topic newer = topics.startTopic(author.id(), TopicService.NewTopic.discussion(category,
				"A newer topic " + UUID.randomUUID().toString().substring(0, 4), "News", List.of()),
				formTokens.issue(author.id()));
		mvc.perform(post("/mod/t/" + older.getId() + "/pin").with(user(author)).with(csrf()).param("pinned", "true"))
				.andExpect(status().isForbidden());
		mvc.perform(post("/mod/t/" + older.getId() + "/pin").with(user(mod)).with(csrf()).param("pinned", "true"))
				.andExpect(status().is3xxRedirection());
		String page = html(mvc.perform(get("/c/they-reached-out")));
		assertThat(page.indexOf(older.getTitle())).isLessThan(page.indexOf(newer.getTitle()));
		assertThat(page).contains("Pinned");

		mvc.perform(post("/mod/t/" + newer.getId() + "/lock").with(user(mod)).with(csrf()).param("locked", "true"))
				.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select locked from topic where id = ?", Boolean.class, newer.getId())).isTrue();
		mvc.perform(post("/mod/t/99999999/lock").with(user(mod)).with(csrf()).param("locked", "true"))
				.andExpect(status().isNotFound());
	}

	@Test
	void moderatorsDescribeRenameAndMergeTags() throws Exception {
		MemberPrincipal author = members.create("tagger");
		MemberPrincipal mod = moderator(members.create("gardener"));
		String suffix = UUID.randomUUID().toString().substring(0, 4);
		Topic one = topics.startTopic(author.id(), TopicService.NewTopic.discussion(
				categories.findBySlug("advice").orElseThrow().getId(), "Sleep is hard " + suffix, "body one",
				List.of("insomnia-" + suffix)), formTokens.issue(author.id()));
		Topic two = topics.startTopic(author.id(), TopicService.NewTopic.discussion(
				categories.findBySlug("advice").orElseThrow().getId(), "Cannot sleep " + suffix, "body two",
				List.of("no-sleep-" + suffix, "insomnia-" + suffix)), formTokens.issue(author.id()));

		mvc.perform(post("/mod/tags/insomnia-" + suffix + "/describe").with(user(mod)).with(csrf())
				.param("description", "Nights when sleep won't come")).andExpect(status().is3xxRedirection());
		assertThat(html(mvc.perform(get("/tags")))).contains("Nights when sleep won't come");

		mvc.perform(post("/mod/tags/no-sleep-" + suffix + "/merge").with(user(mod)).with(csrf())
				.param("into", "insomnia-" + suffix)).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select count(*) from tag where name = ?", Integer.class, "no-sleep-" + suffix)).isZero();
		assertThat(jdbc.queryForObject("select topic_count from tag where name = ?", Integer.class, "insomnia-" + suffix))
				.isEqualTo(2);

		mvc.perform(post("/mod/tags/insomnia-" + suffix + "/rename").with(user(mod)).with(csrf())
				.param("newName", "Sleep Trouble " + suffix)).andExpect(status().is3xxRedirection());
		String page = html(mvc.perform(get("/tags/sleep-trouble-" + suffix.toLowerCase())));
		assertThat(page).contains(one.getTitle(), two.getTitle());

		mvc.perform(post("/mod/tags/sleep-trouble-" + suffix.toLowerCase() + "/rename").with(user(mod)).with(csrf())
				.param("newName", "<b>bad</b>"))
				.andExpect(status().is3xxRedirection())
				.andExpect(MockMvcResultMatchers.flash()
						.attribute("tagError", "tags.characters"));
		mvc.perform(post("/mod/tags/sleep-trouble-" + suffix.toLowerCase() + "/rename").with(user(members.create("nomod")))
				.with(csrf()).param("newName", "taken-over")).andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select count(*) from tag where name = ?", Integer.class,
				"sleep-trouble-" + suffix.toLowerCase())).isEqualTo(1);
	}
}
