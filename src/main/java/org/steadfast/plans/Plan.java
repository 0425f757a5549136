package org.steadfast.plans;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A member's written no-contact plan. Its topic (same id in URLs) carries its public conversation. */
@Entity
@Table(name = "plan")
public class Plan {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "topic_id", nullable = false)
	private Long topicId;

	@Column(name = "member_id", nullable = false)
	private Long memberId;

	@Column(name = "active_member_id")
	private Long activeMemberId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private PlanStatus status;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private PlanPurpose purpose;

	@Column(nullable = false, length = 2000)
	private String statement;

	@Column(name = "start_date", nullable = false)
	private LocalDate startDate;

	@Column(name = "target_days", nullable = false)
	private int targetDays;

	@Column(nullable = false, length = 4000)
	private String reasons;

	@Column(nullable = false, length = 4000)
	private String triggers;

	@Column(nullable = false, length = 4000)
	private String instead;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "ended_at")
	private Instant endedAt;

	@Version
	private long version;

	protected Plan() {
	}

	Plan(Long topicId, Long memberId, PlanDraft draft, Instant now) {
		this.topicId = topicId;
		this.memberId = memberId;
		this.activeMemberId = memberId;
		this.status = PlanStatus.ACTIVE;
		this.createdAt = now;
		update(draft);
	}

	void update(PlanDraft draft) {
		this.purpose = draft.purpose();
		this.statement = draft.statement();
		this.startDate = draft.startDate();
		this.targetDays = draft.targetDays();
		this.reasons = draft.reasons();
		this.triggers = draft.triggers();
		this.instead = draft.instead();
	}

	void end(PlanStatus outcome, Instant now) {
		this.status = outcome;
		this.activeMemberId = null;
		this.endedAt = now;
	}

	public Long getId() {
		return id;
	}

	public Long getTopicId() {
		return topicId;
	}

	public Long getMemberId() {
		return memberId;
	}

	public PlanStatus getStatus() {
		return status;
	}

	public PlanPurpose getPurpose() {
		return purpose;
	}

	void changePurpose(PlanPurpose purpose) {
		this.purpose = purpose;
	}

	public String getStatement() {
		return statement;
	}

	public LocalDate getStartDate() {
		return startDate;
	}

	public int getTargetDays() {
		return targetDays;
	}

	public String getReasons() {
		return reasons;
	}

	public String getTriggers() {
		return triggers;
	}

	public String getInstead() {
		return instead;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}
}
