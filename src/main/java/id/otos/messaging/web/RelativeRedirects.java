package id.otos.messaging.web;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.RelativeRedirectFilter;

/**
 * Every redirect names a path of this site and no host: the {@code Location} header is
 * the path as the application gave it. Otherwise Tomcat makes it an absolute address from
 * the request's {@code Host} header (or a forwarded host), which any client can make up,
 * and it does so for HTTP/1.0 requests (nginx's default towards the application) even
 * when relative redirects are switched on. Nothing else in the application builds an
 * absolute address from a request; the e-mails' links use the configured
 * {@code otos.mail.base-url}.
 */
@Configuration(proxyBeanMethods = false)
class RelativeRedirects {

	@Bean
	FilterRegistrationBean<RelativeRedirectFilter> relativeRedirectFilter() {
		RelativeRedirectFilter filter = new RelativeRedirectFilter();
		filter.setRedirectStatus(HttpStatus.FOUND);
		FilterRegistrationBean<RelativeRedirectFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ASYNC,
				DispatcherType.ERROR);
		return registration;
	}

}
