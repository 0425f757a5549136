-- What a member was writing in a form (a reply, a new topic, a plan, a check-in), kept on the
-- server until it is posted or discarded: one row per member and place.
CREATE TABLE draft (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    member_id   BIGINT       NOT NULL,
    place       VARCHAR(64)  NOT NULL,
    form_fields MEDIUMTEXT   NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_draft_member_place UNIQUE (member_id, place)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
