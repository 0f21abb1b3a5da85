/// Every model the sandbox implements, for one Odoo version.
enum ModelCatalog {
    static func definitions(_ profile: OdooVersionProfile) -> [ModelDefinition] {
        var models: [ModelDefinition] = [
            ResPartnerModel.definition(profile),
            IrModelDataModel.definition(),
            ResUsersModel.definition(profile),
            AccountMoveModel.definition(profile),
            AccountMoveLineModel.definition(),
            PartialReconcileModel.definition(),
            AccountPaymentModel.definition(profile),
            PaymentRegisterModel.definition(profile),
            MoveReversalModel.definition(),
            SaleAdvancePaymentModel.definition(),
        ]
        models += BaseModels.definitions()
        models += CurrencyModels.definitions()
        models += CompanyModels.definitions()
        models += APIKeyModels.definitions(profile)
        models += ProductModel.definitions()
        models += AccountingConfigurationModels.definitions()
        models += SaleOrderModel.definitions(profile)
        models += MailModels.definitions()
        return models
    }
}
