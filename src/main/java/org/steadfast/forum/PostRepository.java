package org.steadfast.forum;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PostRepository extends JpaRepository<Post, Long> {

	Optional<Post> findByTopicIdAndNumber(Long topicId, int number);

	@Query("select max(p.createdAt) from Post p where p.authorId = :authorId")
	Optional<Instant> lastPostedAt(Long authorId);

	long countByAuthorIdAndCreatedAtAfter(Long authorId, Instant after);

	boolean existsByAuthorIdAndBodyHashAndCreatedAtAfter(Long authorId, String bodyHash, Instant after);

	@Query("select r from PostRevision r where r.postId = :postId order by r.createdAt desc, r.id desc")
	List<PostRevision> revisions(Long postId);
}
