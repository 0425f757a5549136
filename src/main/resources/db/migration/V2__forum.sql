-- The forum: categories, topics and their posts, tags, reactions, read state and edit history.
-- A plan is a topic of kind PLAN and a check-in a post in it, so everything here serves them too.
CREATE TABLE category (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    slug         VARCHAR(60)  NOT NULL,
    name         VARCHAR(60)  NOT NULL,
    description  VARCHAR(300) NOT NULL,
    position     INT          NOT NULL,
    advice       BOOLEAN      NOT NULL DEFAULT FALSE,
    archived     BOOLEAN      NOT NULL DEFAULT FALSE,
    topic_count  INT          NOT NULL DEFAULT 0,
    version      BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_category_slug UNIQUE (slug)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE topic (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    category_id      BIGINT       NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    visibility       VARCHAR(16)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    title            VARCHAR(150) NOT NULL,
    slug             VARCHAR(80)  NOT NULL,
    author_id        BIGINT       NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    last_posted_at   DATETIME(6)  NOT NULL,
    last_poster_id   BIGINT       NOT NULL,
    reply_count      INT          NOT NULL DEFAULT 0,
    pinned           BOOLEAN      NOT NULL DEFAULT FALSE,
    locked           BOOLEAN      NOT NULL DEFAULT FALSE,
    helpful_post_id  BIGINT       NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_topic_category FOREIGN KEY (category_id) REFERENCES category (id),
    CONSTRAINT fk_topic_author FOREIGN KEY (author_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_topic_latest ON topic (status, last_posted_at);
CREATE INDEX ix_topic_category ON topic (category_id, status, pinned, last_posted_at);
CREATE INDEX ix_topic_unanswered ON topic (status, reply_count, created_at);
CREATE INDEX ix_topic_author ON topic (author_id, created_at);

CREATE TABLE post (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    topic_id           BIGINT       NOT NULL,
    number             INT          NOT NULL,
    author_id          BIGINT       NOT NULL,
    source             MEDIUMTEXT   NOT NULL,
    html               MEDIUMTEXT   NOT NULL,
    plain_text         MEDIUMTEXT   NOT NULL,
    body_hash          VARCHAR(64)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    edited_at          DATETIME(6)  NULL,
    edit_count         INT          NOT NULL DEFAULT 0,
    version            BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_post_number UNIQUE (topic_id, number),
    CONSTRAINT fk_post_topic FOREIGN KEY (topic_id) REFERENCES topic (id),
    CONSTRAINT fk_post_author FOREIGN KEY (author_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_post_author ON post (author_id, created_at);

CREATE TABLE post_revision (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    post_id     BIGINT      NOT NULL,
    source      MEDIUMTEXT  NOT NULL,
    html        MEDIUMTEXT  NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    editor_id   BIGINT      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_revision_post FOREIGN KEY (post_id) REFERENCES post (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_revision_post ON post_revision (post_id, created_at);

CREATE TABLE tag (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    name         VARCHAR(30)  NOT NULL,
    description  VARCHAR(300) NOT NULL DEFAULT '',
    topic_count  INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_tag_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE topic_tag (
    topic_id  BIGINT NOT NULL,
    tag_id    BIGINT NOT NULL,
    PRIMARY KEY (topic_id, tag_id),
    CONSTRAINT fk_topic_tag_topic FOREIGN KEY (topic_id) REFERENCES topic (id),
    CONSTRAINT fk_topic_tag_tag FOREIGN KEY (tag_id) REFERENCES tag (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_topic_tag_tag ON topic_tag (tag_id, topic_id);

CREATE TABLE reaction (
    post_id     BIGINT      NOT NULL,
    member_id   BIGINT      NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (post_id, member_id, kind),
    CONSTRAINT fk_reaction_post FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT fk_reaction_member FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE topic_read (
    member_id         BIGINT      NOT NULL,
    topic_id          BIGINT      NOT NULL,
    last_read_number  INT         NOT NULL,
    PRIMARY KEY (member_id, topic_id),
    CONSTRAINT fk_topic_read_topic FOREIGN KEY (topic_id) REFERENCES topic (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per submitted posting form: a double click or a resubmitted form finds its token here
-- and is sent to the post the first submission created instead of posting twice.
CREATE TABLE used_form_token (
    token_hash  CHAR(64)    NOT NULL,
    member_id   BIGINT      NOT NULL,
    post_id     BIGINT      NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (token_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_used_form_token_created ON used_form_token (created_at);

INSERT INTO category (slug, name, description, position, advice) VALUES
  ('starting-out', 'Starting out', 'New here, or on day one? Say hello, tell your story, and get your bearings.', 1, FALSE),
  ('daily-check-ins', 'Daily check-ins', 'How today went: kept no contact or not, how you feel, what helped.', 2, FALSE),
  ('advice', 'Advice', 'Ask the community about a specific situation. Mark the reply that helped you.', 3, TRUE),
  ('they-reached-out', 'They reached out', 'Your ex texted, called or showed up. Talk it through before you answer.', 4, FALSE),
  ('slips-and-fresh-starts', 'Slips and fresh starts', 'You broke no contact. No shame here: what happened, and day one again.', 5, FALSE),
  ('success-stories', 'Success stories', 'Milestones, peace, reconciliations and moving on: proof that it gets better.', 6, FALSE);
