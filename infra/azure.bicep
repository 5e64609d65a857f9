// Azure resources for Team Charter: an App Service (Linux, Node 20) running `node dist/main.js` with its health check on
// /readyz, a Key Vault holding the secrets (the app reads them through Key Vault references with its managed identity),
// Azure Database for PostgreSQL Flexible Server, and the Azure Bot with its Microsoft Teams channel.
// Outputs are named like the env vars the Toolkit writes to env/.env.<env>. App setting names are exactly those
// src/config.ts reads (tests/infra/app-settings.test.ts checks both directions).
@maxLength(16)
@minLength(4)
@description('Prefix of every resource name; a hash of the resource group is appended so names are globally unique.')
param resourceBaseName string

@description('App Service plan SKU. B1 is enough for a few hundred teams; P0v3 and up for more instances (scale out).')
param webAppSku string = 'B1'

@description('How many app instances run. Several are safe on PostgreSQL: the job queue claims with FOR UPDATE SKIP LOCKED.')
@minValue(1)
param instanceCount int = 1

param location string = resourceGroup().location

@description('The bot\'s Entra app (client) id: BOT_ID.')
param botAadAppClientId string

@secure()
@description('The bot\'s Entra app client secret: SECRET_BOT_PASSWORD.')
param botAadAppClientSecret string

@maxLength(42)
param botDisplayName string = 'Team Charter'

@description('The Entra app for tab SSO and Graph: AAD_APP_CLIENT_ID.')
param aadAppClientId string

@secure()
@description('Its client secret: SECRET_AAD_APP_CLIENT_SECRET.')
param aadAppClientSecret string

param aadAppTenantId string = tenant().tenantId

@description('The Teams app (manifest) id: TEAMS_APP_ID. The links the bot sends open the app in Teams by it; the review meetings look it up in the org catalog by it.')
param teamsAppId string

@description('The app\'s id in the org catalog once `teamsapp publish` put it there: TEAMS_APP_PUBLISHED_APP_ID (empty before). The review meetings install the app by it without a catalog look-up.')
param teamsAppPublishedAppId string = ''
param aadAppOauthAuthorityHost string = 'https://login.microsoftonline.com'
param graphBaseUrl string = 'https://graph.microsoft.com/v1.0'

param postgresAdminLogin string = 'charteradmin'

@secure()
@minLength(12)
@description('PostgreSQL administrator password: SECRET_POSTGRES_ADMIN_PASSWORD in env/.env.<env>.user.')
param postgresAdminPassword string

param postgresSkuName string = 'Standard_B1ms'
param postgresSkuTier string = 'Burstable'
param postgresVersion string = '16'
param postgresStorageGB int = 32

@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

@description('Hours before each review its agenda is written (0 to 336).')
param reviewAgendaLeadHours int = 24

@description('Days an uninstalled team\'s data is kept before it is deleted (0 to 365).')
param uninstallGraceDays int = 30

var name = toLower('${resourceBaseName}${take(uniqueString(resourceGroup().id), 6)}')
var databaseName = 'teamcharter'
// Built-in role "Key Vault Secrets User": read secret contents.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource serverfarm 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: name
  location: location
  kind: 'app,linux'
  sku: {
    name: webAppSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2022-09-01' = {
  name: name
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/main.js'
      alwaysOn: true
      healthCheckPath: '/readyz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${name}kv'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: name
  location: location
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: postgresVersion
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: postgresStorageGB
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2022-12-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0–0.0.0.0 is Azure's rule for "allow public access from any Azure service within Azure to this server".
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2022-12-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'database-url'
  properties: {
    value: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${database.name}?sslmode=require'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'bot-password'
  properties: {
    value: botAadAppClientSecret
  }
}

resource aadClientSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'aad-app-client-secret'
  properties: {
    value: aadAppClientSecret
  }
}

// The web app's identity may read the vault's secrets, nothing else.
resource webAppReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, webApp.id, keyVaultSecretsUserRoleId)
  scope: keyVault
  properties: {
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
  }
}

// Names are the environment variables src/config.ts reads (secrets as Key Vault references, resolved by App Service
// with the web app's identity), plus the two App Service build settings at the end. PORT is
// set by App Service itself; DATA_DIR applies only to PGlite (no DATABASE_URL).
resource appSettings 'Microsoft.Web/sites/config@2022-09-01' = {
  parent: webApp
  name: 'appsettings'
  dependsOn: [
    webAppReadsSecrets
  ]
  properties: {
    DATABASE_URL: '@Microsoft.KeyVault(SecretUri=${databaseUrlSecret.properties.secretUri})'
    MicrosoftAppId: botAadAppClientId
    MicrosoftAppPassword: '@Microsoft.KeyVault(SecretUri=${botPasswordSecret.properties.secretUri})'
    MicrosoftAppType: 'SingleTenant'
    MicrosoftAppTenantId: tenant().tenantId
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${aadClientSecret.properties.secretUri})'
    AAD_APP_TENANT_ID: aadAppTenantId
    AAD_APP_OAUTH_AUTHORITY_HOST: aadAppOauthAuthorityHost
    GRAPH_BASE_URL: graphBaseUrl
    TAB_ENDPOINT: 'https://${webApp.properties.defaultHostName}'
    TEAMS_APP_ID: teamsAppId
    TEAMS_APP_PUBLISHED_APP_ID: teamsAppPublishedAppId
    LOG_LEVEL: logLevel
    REVIEW_AGENDA_LEAD_HOURS: string(reviewAgendaLeadHours)
    UNINSTALL_GRACE_DAYS: string(uninstallGraceDays)
    // App Service build (zip deploy): install the runtime dependencies only; the build ran before the deploy.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
    CUSTOM_BUILD_COMMAND: 'npm ci --omit=dev'
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenant().tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output AZURE_KEY_VAULT_NAME string = keyVault.name
output AZURE_POSTGRES_SERVER_FQDN string = postgres.properties.fullyQualifiedDomainName
output AZURE_BOT_RESOURCE_ID string = bot.id
