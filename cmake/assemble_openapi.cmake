# Assembles the OpenAPI document from api/openapi.base.json (info, servers,
# shared schemas and responses) and one fragment per domain in api/paths/
# ({"paths": {...}, "components": {"schemas": {...}}}), so that a new domain
# adds its own file and edits no shared one. A path or schema that two files
# both define stops the build, naming both.
# Inputs: ROOT (the repository), OUTPUT (the assembled document).
file(READ ${ROOT}/api/openapi.base.json document)
file(GLOB fragments RELATIVE ${ROOT} ${ROOT}/api/paths/*.json)
list(SORT fragments)
set(owners "")

function(merge_member section kind fragment_path fragment)
  string(JSON count ERROR_VARIABLE missing LENGTH "${fragment}" ${section})
  if(missing)
    return()
  endif()
  if(count EQUAL 0)
    return()
  endif()
  math(EXPR last "${count} - 1")
  foreach(index RANGE ${last})
    string(JSON name MEMBER "${fragment}" ${section} ${index})
    string(JSON value GET "${fragment}" ${section} "${name}")
    string(JSON existing ERROR_VARIABLE absent GET "${document}" ${section} "${name}")
    if(NOT absent)
      message(FATAL_ERROR "${fragment_path}: the ${kind} ${name} is already defined in api/openapi.base.json or another fragment")
    endif()
    string(JSON document SET "${document}" ${section} "${name}" "${value}")
  endforeach()
  set(document "${document}" PARENT_SCOPE)
endfunction()

foreach(fragment_path IN LISTS fragments)
  file(READ ${ROOT}/${fragment_path} fragment)
  string(JSON type ERROR_VARIABLE invalid TYPE "${fragment}")
  if(invalid)
    message(FATAL_ERROR "${fragment_path} is not valid JSON: ${invalid}")
  endif()
  merge_member(paths path ${fragment_path} "${fragment}")
  merge_member("components;schemas" schema ${fragment_path} "${fragment}")
endforeach()

# Every GET may answer 304 Not Modified to a request that sends back its ETag
# (web/page_cache.h): said once here rather than in every fragment.
string(JSON path_count LENGTH "${document}" paths)
if(path_count GREATER 0)
  math(EXPR last_path "${path_count} - 1")
  foreach(index RANGE ${last_path})
    string(JSON path MEMBER "${document}" paths ${index})
    string(JSON get ERROR_VARIABLE no_get GET "${document}" paths "${path}" get)
    if(NOT no_get)
      string(JSON document SET "${document}" paths "${path}" get responses 304
             "{\"$ref\": \"#/components/responses/NotModified\"}")
    endif()
  endforeach()
endif()

file(WRITE ${OUTPUT}.tmp "${document}\n")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
