package id.otos.messaging.categories;

class CategoriesH2Tests extends CategoriesChecks {

}
