package org.steadfast.plans;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanRepository extends JpaRepository<Plan, Long> {

	Optional<Plan> findByTopicId(Long topicId);

	Optional<Plan> findByMemberIdAndStatus(Long memberId, PlanStatus status);
}
