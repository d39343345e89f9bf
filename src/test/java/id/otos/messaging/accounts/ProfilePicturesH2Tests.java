package id.otos.messaging.accounts;

class ProfilePicturesH2Tests extends ProfilePicturesChecks {

}
