package id.otos.messaging.web;

import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * While the database cannot be reached, requests are answered 503 by the
 * {@link DatabaseUnavailableFilter}, placed before Spring Session's filter (the first
 * that reads the database) so that it sees every failure of the request.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageConfiguration {

	@Bean
	FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(ThymeleafViewResolver views,
			LocaleResolver localeResolver, MessageSource messages, JsonMapper json, DataSource dataSource) {
		FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(
				new DatabaseUnavailableFilter(views, localeResolver, messages, json, dataSource));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

}
