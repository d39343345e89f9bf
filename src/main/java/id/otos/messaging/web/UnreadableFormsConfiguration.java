package id.otos.messaging.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.MultipartConfigElement;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/**
 * {@link UnreadableForms} reads every multipart form before Spring Security's filters
 * (whose CSRF check is the first to read a form's fields).
 */
@Configuration(proxyBeanMethods = false)
class UnreadableFormsConfiguration {

	@Bean
	FilterRegistrationBean<UnreadableForms> unreadableForms(ThymeleafViewResolver views, LocaleResolver localeResolver,
			MessageSource messages, JsonMapper json, MultipartConfigElement uploads) {
		FilterRegistrationBean<UnreadableForms> registration = new FilterRegistrationBean<>(
				new UnreadableForms(views, localeResolver, messages, json, uploads));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

}
