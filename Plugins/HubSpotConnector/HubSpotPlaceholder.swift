enum HubSpotPlaceholder {}
