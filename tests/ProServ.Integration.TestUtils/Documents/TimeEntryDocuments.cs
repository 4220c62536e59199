namespace ProServ.Integration.TestUtils.Documents;

/// <summary>
/// Holds a realistic time-entry schema and ~1 KB documents (valid and invalid), shared by the validator tests and
/// the validation benchmark so both measure and check the same thing.
/// </summary>
public static class TimeEntryDocuments
{
    /// <summary>A self-contained time-entry schema using only keywords that draft-07 validators also know, so NJsonSchema loads it too.</summary>
    public const string Schema = """
        {
          "$id": "https://schemas.proserv.dev/fixtures/time-entry.json",
          "type": "object",
          "additionalProperties": false,
          "required": ["id", "engagementId", "resourceId", "workDate", "hours", "status", "rate", "amount", "createdAt"],
          "properties": {
            "id": { "$ref": "#/$defs/uuid" },
            "engagementId": { "$ref": "#/$defs/uuid" },
            "resourceId": { "$ref": "#/$defs/uuid" },
            "workDate": { "type": "string", "format": "date" },
            "hours": { "type": "number", "minimum": 0, "maximum": 24, "multipleOf": 0.01 },
            "billable": { "type": "boolean" },
            "status": { "type": "string", "enum": ["draft", "submitted", "approved", "rejected", "invoiced"] },
            "description": { "type": "string", "minLength": 1, "maxLength": 500 },
            "rate": { "$ref": "#/$defs/money" },
            "amount": { "$ref": "#/$defs/money" },
            "tags": { "type": "array", "items": { "type": "string", "pattern": "^[a-z0-9-]{1,32}$" }, "maxItems": 10, "uniqueItems": true },
            "externalReferences": { "type": "array", "items": { "$ref": "#/$defs/externalReference" }, "maxItems": 8 },
            "createdAt": { "type": "string", "format": "date-time" },
            "approvedBy": { "type": "string", "format": "email" }
          },
          "$defs": {
            "uuid": { "type": "string", "format": "uuid" },
            "money": {
              "type": "object",
              "additionalProperties": false,
              "required": ["amount", "currency"],
              "properties": {
                "amount": { "type": "string", "pattern": "^-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,4})?$" },
                "currency": { "type": "string", "enum": ["USD", "EUR", "GBP", "CHF", "JPY", "CAD", "AUD", "SEK", "NOK", "DKK"] }
              }
            },
            "externalReference": {
              "type": "object",
              "additionalProperties": false,
              "required": ["system", "id"],
              "properties": {
                "system": { "type": "string", "enum": ["crm", "psa", "erp"] },
                "id": { "type": "string", "minLength": 1, "maxLength": 128 },
                "version": { "type": "integer", "minimum": 0 }
              }
            }
          }
        }
        """;

    /// <summary>A ~1 KB time entry that is valid against <see cref="Schema"/>.</summary>
    public const string Valid = """
        {
          "id": "0b8f3c52-6a1e-4d7e-9f55-2c1d8e4a7b10",
          "engagementId": "5e2a9c71-3b4d-4f8a-a2c6-9d1e7f3b5a24",
          "resourceId": "c7d14e98-2f6b-4a3c-8e5d-1b9a7c4f2e63",
          "workDate": "2025-03-14",
          "hours": 7.25,
          "billable": true,
          "status": "approved",
          "description": "Solution design workshop with the client's finance team: invoice approval flow, tax codes and revenue recognition rules for fixed-fee milestones.",
          "rate": { "amount": "185.00", "currency": "EUR" },
          "amount": { "amount": "1341.25", "currency": "EUR" },
          "tags": ["workshop", "finance", "onsite"],
          "externalReferences": [
            { "system": "crm", "id": "OPP-2025-00412", "version": 3 },
            { "system": "psa", "id": "TE-88213-A", "version": 12 },
            { "system": "erp", "id": "4500019933/0010" }
          ],
          "createdAt": "2025-03-14T17:42:05.123Z",
          "approvedBy": "maria.lopez@example.com"
        }
        """;

    /// <summary>The same time entry with 13 violations (uuid, date, date-time and email formats, maximum, multipleOf, enums, patterns, uniqueItems, minLength).</summary>
    public const string Invalid = """
        {
          "id": "0b8f3c52-6a1e-4d7e-9f55-2c1d8e4a7b1",
          "engagementId": "5e2a9c71-3b4d-4f8a-a2c6-9d1e7f3b5a24",
          "resourceId": "c7d14e98-2f6b-4a3c-8e5d-1b9a7c4f2e63",
          "workDate": "2025-02-30",
          "hours": 25.005,
          "billable": true,
          "status": "paid",
          "description": "Solution design workshop with the client's finance team: invoice approval flow, tax codes and revenue recognition rules for fixed-fee milestones.",
          "rate": { "amount": "185.00", "currency": "EUR" },
          "amount": { "amount": "1,341.25", "currency": "XXX" },
          "tags": ["workshop", "Finance", "workshop"],
          "externalReferences": [
            { "system": "crm", "id": "OPP-2025-00412", "version": 3 },
            { "system": "sap", "id": "" }
          ],
          "createdAt": "2025-03-14 12:30",
          "approvedBy": "maria.lopez"
        }
        """;
}
