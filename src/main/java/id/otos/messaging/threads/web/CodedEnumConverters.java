package id.otos.messaging.threads.web;

import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadStatus;
import id.otos.messaging.threads.ThreadType;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request parameters carry the original's codes ({@code academic}, {@code open},
 * {@code high}).
 */
@Configuration(proxyBeanMethods = false)
class CodedEnumConverters implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, ThreadType.class,
				(code) -> code.isBlank() ? null : ThreadType.fromCode(code));
		registry.addConverter(String.class, ThreadStatus.class,
				(code) -> code.isBlank() ? null : ThreadStatus.fromCode(code));
		registry.addConverter(String.class, Priority.class, (code) -> code.isBlank() ? null : Priority.fromCode(code));
	}

}
