package id.otos.messaging.schema;

import java.util.List;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The JPA-mapped classes under a package, found on the classpath as the application's own
 * entity scan finds them: entities, embeddables, mapped superclasses and converters.
 */
final class EntityClasses {

	private EntityClasses() {
	}

	static List<Class<?>> under(String basePackage) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isIndependent();
			}

		};
		for (Class<? extends java.lang.annotation.Annotation> mapping : List.of(Entity.class, Embeddable.class,
				MappedSuperclass.class, Converter.class)) {
			scanner.addIncludeFilter(new AnnotationTypeFilter(mapping));
		}
		return scanner.findCandidateComponents(basePackage)
			.stream()
			.map(BeanDefinition::getBeanClassName)
			.sorted()
			.<Class<?>>map((name) -> ClassUtils.resolveClassName(name, EntityClasses.class.getClassLoader()))
			.toList();
	}

}
