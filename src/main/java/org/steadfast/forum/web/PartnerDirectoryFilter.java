package org.steadfast.forum.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.steadfast.forum.PartnerDirectory;
import org.steadfast.forum.Viewer;

/**
 * Offers this application's {@link PartnerDirectory} to {@link Viewer#current()} for the request.
 * Nothing is looked up here: the partner is asked for only when a page needs the viewer.
 */
@Component
class PartnerDirectoryFilter extends OncePerRequestFilter {

	private final ObjectProvider<PartnerDirectory> directory;

	PartnerDirectoryFilter(ObjectProvider<PartnerDirectory> directory) {
		this.directory = directory;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		PartnerDirectory found = directory.getIfAvailable();
		if (found != null) {
			request.setAttribute(Viewer.DIRECTORY_ATTRIBUTE, found);
		}
		chain.doFilter(request, response);
	}
}
