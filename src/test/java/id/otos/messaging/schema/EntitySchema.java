package id.otos.messaging.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Value;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.hibernate.autoconfigure.HibernateProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateSettings;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The schema Hibernate derives from entity classes, created in a PostgreSQL database (so
 * with the PostgreSQL dialect, which Hibernate picks for it) and the naming and Hibernate
 * settings the application runs with (Spring Boot's defaults, and {@code spring.jpa.*}
 * from {@code application.properties}), and which entity field each table and column
 * comes from.
 */
final class EntitySchema {

	private final SchemaSnapshot snapshot;

	private final Map<String, String> tableOrigins = new HashMap<>();

	private final Map<String, String> columnOrigins = new HashMap<>();

	private EntitySchema(Metadata metadata, SchemaSnapshot snapshot) {
		this.snapshot = snapshot;
		for (PersistentClass entity : metadata.getEntityBindings()) {
			String name = entity.getMappedClass().getSimpleName();
			String table = lower(entity.getTable().getName());
			this.tableOrigins.putIfAbsent(table, name);
			if (entity.getIdentifierProperty() != null) {
				remember(table, name, entity.getIdentifierProperty());
			}
			entity.getPropertyClosure().forEach((property) -> remember(table, name, property));
		}
		for (Collection collection : metadata.getCollectionBindings()) {
			String table = lower(collection.getCollectionTable().getName());
			String field = collection.getOwner().getMappedClass().getSimpleName() + "."
					+ collection.getRole().substring(collection.getRole().lastIndexOf('.') + 1);
			this.tableOrigins.putIfAbsent(table, field);
			rememberColumns(table, field, collection.getKey());
			if (!collection.isOneToMany()) {
				rememberColumns(table, field, collection.getElement());
			}
		}
	}

	/** Creates the schema of the given classes in the (empty) PostgreSQL database. */
	static EntitySchema export(List<Class<?>> classes, TestDatabase postgres) {
		StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(applicationSettings())
			.applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, postgres.dataSource())
			.applySetting(AvailableSettings.HBM2DDL_AUTO, "create-only")
			.applySetting(AvailableSettings.HBM2DDL_HALT_ON_ERROR, true)
			.build();
		try {
			MetadataSources sources = new MetadataSources(registry);
			classes.forEach(sources::addAnnotatedClass);
			Metadata metadata = sources.buildMetadata();
			try (SessionFactory sessionFactory = metadata.buildSessionFactory()) {
				// building it created the schema
			}
			return new EntitySchema(metadata, SchemaSnapshot.read(postgres.dataSource()));
		}
		finally {
			StandardServiceRegistryBuilder.destroy(registry);
		}
	}

	SchemaSnapshot snapshot() {
		return this.snapshot;
	}

	/**
	 * {@code Entity User} for a table, {@code Entity User.email} for one of its columns.
	 */
	String origin(String table, List<String> columns) {
		if (columns.size() == 1 && this.columnOrigins.containsKey(table + "." + columns.get(0))) {
			return "Entity " + this.columnOrigins.get(table + "." + columns.get(0));
		}
		return "Entity " + this.tableOrigins.getOrDefault(table, "(unknown) of table " + table);
	}

	private void remember(String table, String entity, Property property) {
		String field = entity + "." + property.getName();
		if (property.getValue() instanceof Component component) {
			component.getProperties().forEach((nested) -> remember(table, field, nested));
			return;
		}
		rememberColumns(table, field, property.getValue());
	}

	private void rememberColumns(String table, String field, Value value) {
		value.getColumns()
			.forEach((column) -> this.columnOrigins.putIfAbsent(table + "." + lower(column.getName()), field));
	}

	/** The Hibernate settings Spring Boot would use for this application. */
	private static Map<String, Object> applicationSettings() {
		try {
			Properties properties = PropertiesLoaderUtils
				.loadProperties(new ClassPathResource("application.properties"));
			Binder binder = new Binder(new MapConfigurationPropertySource(properties));
			HibernateProperties hibernate = binder.bind("spring.jpa.hibernate", HibernateProperties.class)
				.orElseGet(HibernateProperties::new);
			Map<String, String> jpa = binder.bind("spring.jpa.properties", Bindable.mapOf(String.class, String.class))
				.orElseGet(Map::of);
			Map<String, Object> settings = new HashMap<>(
					hibernate.determineHibernateProperties(jpa, new HibernateSettings()));
			settings.remove(AvailableSettings.HBM2DDL_AUTO);
			return settings;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
