package org.accountsecurity.web;

import org.accountsecurity.system.Problems;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns an unreachable Redis or database, wherever in the request it shows (the session,
 * the CSRF token, a controller), into a clear 503: a problem for the API, the error page
 * in the person's language for pages. Nothing was stored half-way: every write that
 * failed is retried by the person, and the service recovers by itself when the dependency
 * is back (connections are made per use). A filter for what fails around Spring MVC, and
 * its first exception resolver for what fails in a controller: there Spring's own
 * resolvers would take the {@code EOFException} at the bottom of a dropped database
 * connection for a browser that went away and answer an empty 200.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class DependencyOutageFilter extends OncePerRequestFilter implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(DependencyOutageFilter.class);

	private final ITemplateEngine templates;

	private final LocaleResolver locales;

	DependencyOutageFilter(ITemplateEngine templates, LocaleResolver locales) {
		this.templates = templates;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!isOutage(ex) || response.isCommitted()) {
				throw ex;
			}
			unavailable(request, response, ex);
		}
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!isOutage(ex) || response.isCommitted()) {
			return null;
		}
		try {
			unavailable(request, response, ex);
		}
		catch (IOException written) {
			return null;
		}
		// Answered: nothing left to render.
		return new ModelAndView();
	}

	/**
	 * Among the exception resolvers: first after Boot's, which only records the error.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 2;
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response, Exception ex)
			throws IOException {
		log.warn("A dependency is unavailable: {}", rootCause(ex).getClass().getSimpleName());
		response.resetBuffer();
		response.setHeader("Retry-After", "30");
		response.setHeader("Cache-Control", "no-store");
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
					"A service this request needs is briefly unavailable. Nothing was changed; try again shortly.");
			return;
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setContentType("text/html;charset=UTF-8");
		var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, response);
		templates.process("error", new WebContext(exchange, locales.resolveLocale(request), Map.of("status", 503)),
				response.getWriter());
	}

	static boolean isOutage(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RedisConnectionFailureException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof QueryTimeoutException
					|| cause.getClass().getName().equals("redis.clients.jedis.exceptions.JedisConnectionException")
					|| isPassingRedisState(cause) || isDatabaseUnreachable(cause)) {
				return true;
			}
		}
		return false;
	}

	// Errors Redis answers while it changes roles or starts: a primary demoted in a
	// failover (READONLY), a restart reading its AOF (LOADING), a replica cut off from
	// its
	// primary (MASTERDOWN), a cluster between states (CLUSTERDOWN, TRYAGAIN), a blocked
	// read cut short by a role change (UNBLOCKED). They pass by themselves: a 503.
	private static final List<String> PASSING_REDIS_STATES = List.of("READONLY", "LOADING", "MASTERDOWN", "CLUSTERDOWN",
			"TRYAGAIN", "UNBLOCKED");

	// A connection the database dropped, or none to be had (SQLSTATE class 08), as
	// when a commit, a rollback or the start of a transaction meets a stopped PostgreSQL.
	private static boolean isDatabaseUnreachable(Throwable cause) {
		return cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException
				|| cause instanceof SQLTransientConnectionException || (cause instanceof SQLException sql
						&& sql.getSQLState() != null && sql.getSQLState().startsWith("08"));
	}

	private static boolean isPassingRedisState(Throwable cause) {
		String message = cause.getMessage();
		return message != null && cause.getClass().getName().startsWith("redis.clients.jedis.exceptions.")
				&& PASSING_REDIS_STATES.stream().anyMatch(code -> message.startsWith(code + " "));
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

}
