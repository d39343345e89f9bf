package id.otos.messaging.accounts;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
class RoleNameConverter implements AttributeConverter<RoleName, String> {

	@Override
	public String convertToDatabaseColumn(RoleName role) {
		return (role != null) ? role.storedName() : null;
	}

	@Override
	public RoleName convertToEntityAttribute(String storedName) {
		return (storedName != null) ? RoleName.fromStoredName(storedName) : null;
	}

}
