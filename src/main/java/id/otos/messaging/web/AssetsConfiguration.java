package id.otos.messaging.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages' style sheet and scripts under {@value #PATH}, the prefix every page of the
 * application has, so that behind one domain with Django a proxy that sends
 * {@code /messages/} here serves the pages whole (README, "Running beside Django"). They
 * are still served at their old addresses too.
 */
@Configuration(proxyBeanMethods = false)
class AssetsConfiguration implements WebMvcConfigurer {

	static final String PATH = "/messages/assets/";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(PATH + "**").addResourceLocations("classpath:/static/");
	}

}
