import LedgerportJSONSchema
import LedgerportSDK
import Testing

@testable import LedgerportCore

@Suite struct RepositorySpecsTests {
    @Test func repositorySpecs_loadWithoutIssues() {
        let result = repositoryLoader.loadDirectory(Checkout.specsDirectory)
        #expect(result.issues.map(\.description) == [])
        #expect(result.specs.map(\.reference) == ["hubspot@1.0.0", "odoo@1.0.0", "stripe@1.0.0"])
        #expect(result.files.count == 3)
    }

    @Test func repositorySpecs_declareExpectedKinds() throws {
        let specs = Dictionary(uniqueKeysWithValues: repositoryLoader.loadDirectory(Checkout.specsDirectory).specs.map { ($0.spec.id, $0.spec) })
        #expect(specs["stripe"]?.kind == .source)
        #expect(specs["hubspot"]?.kind == .source)
        #expect(specs["odoo"]?.kind == .target)
    }

    @Test func stripeSpec_describesSignatureAndLimits() throws {
        let (loaded, issues) = repositoryLoader.loadFile(Checkout.specsDirectory + "/stripe/1.0.0.json")
        #expect(issues.isEmpty)
        let spec = try #require(loaded?.spec)
        let signature = try #require(spec.webhooks?.signature)
        #expect(signature.signatureHeader == "Stripe-Signature")
        #expect(signature.encoding == "hex")
        #expect(signature.toleranceSeconds == 300)
        #expect(signature.multipleSignatures)
        #expect(spec.rateLimits.limits.map(\.requests) == [100, 25])
        #expect(spec.configuration["api_key"]?.secret == true)
        #expect(spec.configuration["webhook_signing_secret"]?.secret == true)
        #expect(spec.eventTypes(named: "invoice.payment_succeeded").first?.canonicalEventTypes == [.invoicePaid])
    }

    @Test func hubspotSpec_describesVersionThreeSignature() throws {
        let spec = try #require(repositoryLoader.loadFile(Checkout.specsDirectory + "/hubspot/1.0.0.json").0?.spec)
        let signature = try #require(spec.webhooks?.signature)
        #expect(signature.signatureHeader == "X-HubSpot-Signature-v3")
        #expect(signature.timestampHeader == "X-HubSpot-Request-Timestamp")
        #expect(signature.timestampUnit == "milliseconds")
        #expect(signature.encoding == "base64")
        #expect(signature.toleranceSeconds == 300)
        #expect(spec.webhooks?.batched == true)
        #expect(Set(spec.objects.map(\.name)) == ["deal", "company", "contact", "line_item"])
    }

    @Test func odooSpec_matchesOperationContract() throws {
        let spec = try #require(repositoryLoader.loadFile(Checkout.specsDirectory + "/odoo/1.0.0.json").0?.spec)
        let expectedActions: [String: Set<String>] = [
            "res.partner": ["upsert", "archive", "add_tag"],
            "product.product": ["upsert"],
            "account.move": ["upsert", "post", "cancel", "reset_to_draft", "reverse", "add_tag"],
            "account.payment": ["register_payment"],
            "sale.order": ["upsert", "confirm_order", "cancel"],
            "mail.activity": ["add_activity"],
        ]
        #expect(Dictionary(uniqueKeysWithValues: spec.operations.map { ($0.model, Set($0.actions.keys)) }) == expectedActions)

        let required: [(String, TargetAction, [String])] = [
            ("res.partner", .upsert, ["name"]),
            ("res.partner", .archive, []),
            ("res.partner", .addTag, ["tag"]),
            ("product.product", .upsert, ["name"]),
            ("account.move", .upsert, ["currency", "lines", "partner"]),
            ("account.move", .post, []),
            ("account.move", .reverse, ["invoice"]),
            ("account.move", .addTag, ["tag"]),
            ("account.payment", .registerPayment, ["amount", "invoice"]),
            ("sale.order", .upsert, ["lines", "partner"]),
            ("sale.order", .confirmOrder, []),
            ("mail.activity", .addActivity, ["record", "summary"]),
        ]
        for (model, action, names) in required {
            #expect(spec.action(action, onModel: model)?.requiredValueNames == names, "\(model) \(action)")
        }

        let line = try #require(spec.action(.upsert, onModel: "account.move")?.values["lines"]?.items)
        #expect(line.kind == .record)
        #expect(line.fields.map { $0.filter(\.value.required).keys.sorted() } == ["external_id", "name", "price_unit", "quantity"])
        #expect(spec.action(.registerPayment, onModel: "account.payment")?.values["amount"]?.kind == .money)
        #expect(spec.action(.upsert, onModel: "account.move")?.values["partner"]?.model == "res.partner")
        #expect(spec.operations(forModel: "account.move")?.expectationFields == ["amount_total", "amount_untaxed", "amount_tax", "amount_residual"])
        #expect(spec.operations(forModel: "sale.order")?.expectationFields == ["amount_total"])
    }

    @Test func odooSpec_statesServerLimitsAndVersions() throws {
        let spec = try #require(repositoryLoader.loadFile(Checkout.specsDirectory + "/odoo/1.0.0.json").0?.spec)
        #expect(spec.rateLimits.serverTimeLimits?.cpuSeconds == 60)
        #expect(spec.rateLimits.serverTimeLimits?.wallSeconds == 120)
        #expect(spec.apiVersions.map(\.version) == ["16.0", "17.0", "18.0", "19.0"])
        #expect(spec.apiVersions.last?.transport == .json2)
        #expect(spec.capabilities.enabledNames == ["batch_writes", "read_back", "amount_expectations", "external_ids"])
    }

    @Test func secretExamples_arePlaceholdersInEverySpec() {
        for loaded in repositoryLoader.loadDirectory(Checkout.specsDirectory).specs {
            for (name, field) in loaded.spec.configuration where field.secret {
                #expect(SecretPlaceholder.isPlaceholder(field.example), "\(loaded.reference) \(name)")
            }
        }
    }
}
