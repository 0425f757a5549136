package org.steadfast.forum;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface TopicRepository extends JpaRepository<Topic, Long> {

	/** Locks the topic row so that concurrent replies take numbers and counters one at a time. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from Topic t where t.id = :id")
	Optional<Topic> findForUpdate(Long id);
}
