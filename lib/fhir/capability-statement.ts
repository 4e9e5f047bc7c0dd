import { FHIR_JSON, FHIR_XML, MHD_SUBMISSION_SET_PROFILE, TOKEN_PATH } from "./constants";

/**
 * What the API supports: ITI-65 (transaction), ITI-67 (DocumentReference search, GET and
 * POST _search), ITI-68 (Binary read), ITI-66 (List search), the patient lookup by INS
 * (Patient search), in JSON and XML, protected by SMART Backend Services tokens.
 * capability-statement.test.ts compares it with the router's table (FHIR_ROUTES).
 */
export function capabilityStatement(baseUrl: string, origin: string): Record<string, unknown> {
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: "2026-01-01",
    publisher: "Simulateur DMP",
    kind: "instance",
    instantiates: [
      "https://profiles.ihe.net/ITI/MHD/CapabilityStatement/IHE.MHD.DocumentRecipient",
      "https://profiles.ihe.net/ITI/MHD/CapabilityStatement/IHE.MHD.DocumentResponder",
    ],
    software: { name: "Simulateur DMP — API FHIR (IHE MHD)", version: "0.1.0" },
    implementation: { description: "Alimentation et consultation du DMP simulé (ITI-65, ITI-66, ITI-67, ITI-68, recherche de dossier par INS)", url: baseUrl },
    fhirVersion: "4.0.1",
    format: [FHIR_JSON, "json", FHIR_XML, "xml"],
    rest: [
      {
        mode: "server",
        documentation:
          "Authentification : jeton porteur obtenu par POST " +
          `${origin}${TOKEN_PATH} (client_credentials, assertion JWT ES256 signée par une carte CPS ou un certificat de structure de l'IGC-Santé de test, en-tête x5c). ` +
          "Mode indirect : le professionnel est désigné par l'en-tête X-DMP-Professional (IdNat_PS).",
        security: {
          service: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/restful-security-service", code: "SMART-on-FHIR" }] }],
          description: "SMART Backend Services : client_credentials avec client_assertion (private_key_jwt, ES256, x5c).",
        },
        resource: [
          {
            type: "DocumentReference",
            supportedProfile: ["https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Minimal.DocumentReference"],
            interaction: [{ code: "search-type", documentation: "ITI-67 Find Document References : GET DocumentReference?… ou POST DocumentReference/_search (formulaire)" }],
            searchParam: [
              { name: "patient", type: "reference", documentation: "Patient/<id> renvoyé par GET Patient?identifier=… (patient ou patient.identifier obligatoire)" },
              { name: "patient.identifier", type: "token", documentation: "INS du patient : urn:oid:1.2.250.1.213.1.4.8|<NIR>" },
              { name: "type", type: "token", documentation: "Type de document (JDV_J66)" },
              { name: "category", type: "token", documentation: "Classe de document (JDV_J57)" },
              { name: "date", type: "date", documentation: "Date de l'acte (ge, le, gt, lt, eq)" },
              { name: "status", type: "token", documentation: "current (par défaut), superseded, entered-in-error ; plusieurs séparés par des virgules" },
              { name: "author.identifier", type: "token", documentation: "IdNat_PS de l'auteur" },
              { name: "_count", type: "number", documentation: "Taille de page (100 au plus) ; 0 : le total seul, sans entrée" },
              { name: "_offset", type: "number", documentation: "Nombre de résultats à sauter (pagination : suivre le lien « next » du Bundle)" },
            ],
          },
          { type: "Binary", interaction: [{ code: "read", documentation: "ITI-68 Retrieve Document" }] },
          {
            type: "List",
            supportedProfile: [MHD_SUBMISSION_SET_PROFILE],
            documentation: "SubmissionSet : reçu dans le Bundle ITI-65, recherché par ITI-66 (pas de Folder).",
            interaction: [{ code: "search-type", documentation: "ITI-66 Find Document Lists" }],
            searchParam: [
              { name: "patient", type: "reference", documentation: "Patient/<id> (patient ou patient.identifier obligatoire)" },
              { name: "patient.identifier", type: "token", documentation: "INS du patient : urn:oid:1.2.250.1.213.1.4.8|<NIR>" },
              { name: "code", type: "token", documentation: "submissionset (folder : aucun résultat)" },
              { name: "status", type: "token", documentation: "current (les autres statuts : aucun résultat)" },
              { name: "date", type: "date", documentation: "Date de l'alimentation (ge, le, gt, lt, eq)" },
              { name: "source.identifier", type: "token", documentation: "IdNat_PS du professionnel qui a alimenté" },
              { name: "identifier", type: "token", documentation: "Identifiant unique du lot (urn:dmp-sim:submissionset:<id>)" },
              { name: "_count", type: "number", documentation: "Taille de page (100 au plus) ; 0 : le total seul" },
              { name: "_offset", type: "number", documentation: "Nombre de résultats à sauter" },
            ],
          },
          {
            type: "Patient",
            documentation: "Existence d'un dossier pour un INS (à la manière de PDQm ITI-78) : un Patient (dossier ouvert, accès possible) si la politique d'accès permet de le savoir, sinon un Bundle vide comme pour un INS inconnu.",
            interaction: [{ code: "search-type", documentation: "Recherche du dossier par INS" }],
            searchParam: [{ name: "identifier", type: "token", documentation: "INS : urn:oid:1.2.250.1.213.1.4.8|<NIR> (obligatoire)" }],
          },
        ],
        interaction: [{ code: "transaction", documentation: "ITI-65 Provide Document Bundle" }],
      },
    ],
  };
}
