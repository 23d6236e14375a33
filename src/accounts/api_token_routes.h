#pragma once
// The signed-in account's API tokens: /cuenta/tokens (create, see once,
// revoke) and /api/v1/tokens.
#include "accounts/api_token_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::accounts {

void register_api_token_routes(web::Router& router, ApiTokenService& tokens, const web::Pages& pages);

}  // namespace apertura::accounts
