package id.otos.messaging.threads.web;

import java.util.List;

import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.threads.Viewer;
import id.otos.messaging.threads.Viewers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets a handler take the logged-in person as a {@link Viewer} parameter. (The viewers
 * are looked up when asked for, so web slices of other features need not provide them.)
 */
@Configuration(proxyBeanMethods = false)
class ViewerArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	private final ObjectProvider<Viewers> viewers;

	ViewerArgumentResolver(ObjectProvider<Viewers> viewers) {
		this.viewers = viewers;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Viewer.class;
	}

	@Override
	public Viewer resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser me)) {
			throw new AuthenticationCredentialsNotFoundException("Not logged in");
		}
		return this.viewers.getObject().of(me);
	}

}
