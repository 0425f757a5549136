package org.steadfast.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MemberRepository extends JpaRepository<Member, Long> {

	Optional<Member> findByUsernameKey(String usernameKey);

	Optional<Member> findByEmailKey(String emailKey);

	boolean existsByUsernameKey(String usernameKey);

	boolean existsByEmailKey(String emailKey);

	default Optional<Member> findByUsername(String username) {
		return findByUsernameKey(Member.key(username));
	}

	/** Sign-in accepts either the username or the email address. */
	@Query("select m from Member m where m.usernameKey = :key or m.emailKey = :key")
	List<Member> findByLogin(String key);

	/** Members whose username starts with the given (lower-case) prefix, staff first. */
	@Query("select m from Member m where m.usernameKey like concat(:prefix, '%') order by m.role desc, m.usernameKey")
	List<Member> search(String prefix, Pageable page);

	@Query("select new org.steadfast.accounts.MemberName(m.id, m.username, m.displayName) from Member m where m.id in :ids")
	List<MemberName> findNames(Collection<Long> ids);
}
