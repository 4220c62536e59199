using ProServ.Integration.Schemas.Catalog;

namespace ProServ.Integration.Schemas.Tests.Catalog;

/// <summary>Small, valid schema documents shaped like the published ones, for catalog tests.</summary>
internal static class CatalogTestDocuments
{
    public const string Common = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://schemas.proserv.dev/integration/common.v1.schema.json",
          "title": "Common definitions",
          "$defs": {
            "currency": { "type": "string", "pattern": "^[A-Z]{3}$" },
            "money": {
              "type": "object",
              "properties": {
                "amount": { "type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$" },
                "currency": { "$ref": "#/$defs/currency" }
              },
              "required": ["amount", "currency"],
              "additionalProperties": false
            }
          }
        }
        """;

    public const string TimeEntryV1 = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://schemas.proserv.dev/integration/time-entry.v1.schema.json",
          "title": "Time entry",
          "type": "object",
          "properties": {
            "id": { "type": "string" },
            "hours": { "type": "number", "minimum": 0, "maximum": 24 },
            "rate": { "$ref": "common.v1.schema.json#/$defs/money" }
          },
          "required": ["id", "hours"],
          "additionalProperties": false
        }
        """;

    public const string TimeEntryV2 = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://schemas.proserv.dev/integration/time-entry.v2.schema.json",
          "title": "Time entry",
          "type": "object",
          "properties": {
            "id": { "type": "string" },
            "hours": { "type": "number", "minimum": 0, "maximum": 16 },
            "rate": { "$ref": "common.v1.schema.json#/$defs/money" },
            "notes": { "type": "string" }
          },
          "required": ["id", "hours", "rate"],
          "additionalProperties": false
        }
        """;

    public static SchemaCatalogBuilder Builder() => new SchemaCatalogBuilder()
        .Add("time-entry.v2.schema.json", TimeEntryV2)
        .Add("common.v1.schema.json", Common)
        .Add("time-entry.v1.schema.json", TimeEntryV1);
}
