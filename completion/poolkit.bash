# bash completion for poolkit and the pool-* tools (installed as
# share/bash-completion/completions/poolkit, with a link for each tool's name).
# Options come from the tool's own --help, so they never fall out of step with it; --format offers
# the formats its help lists, --period the periods of the year (SPEC §3), and "poolkit" its
# commands (the pool-* tools beside it, help, init).

_poolkit_help_options() { # the long and short options `TOOL --help` lists
    "$1" --help 2>/dev/null | grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z0-9-]*' | tr -d ' ,' | sort -u
}

_poolkit_tool() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} tool=$1
    case $prev in
    --format)
        local formats
        formats=$("$tool" --help 2>/dev/null | grep -oE 'output format: [a-z|]+' | head -1)
        formats=${formats#output format: }
        mapfile -t COMPREPLY < <(compgen -W "${formats//|/ }" -- "$cur")
        return ;;
    --period)
        mapfile -t COMPREPLY < <(compgen -W "P01 P02 P03 P04 P05 P06 P07 P08 P09 P10 P11 P12" \
                                         -- "$cur")
        return ;;
    --kind)
        mapfile -t COMPREPLY < <(compgen -W "pooled aligned joint" -- "$cur")
        return ;;
    esac
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_poolkit_help_options "$tool")" -- "$cur")
    else
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        compopt -o filenames 2>/dev/null
    fi
}

_poolkit() {
    local cmd=${COMP_WORDS[0]}
    if [[ ${cmd##*/} != poolkit ]]; then
        _poolkit_tool "$cmd"
        return
    fi
    if ((COMP_CWORD == 1)) || { ((COMP_CWORD == 2)) && [[ ${COMP_WORDS[1]} == help ]]; }; then
        local dir names
        dir=$(dirname "$(type -P "$cmd" 2>/dev/null || echo "$cmd")")
        names=$(for t in "$dir"/pool-*; do [[ -x $t ]] && echo "${t##*/pool-}"; done)
        ((COMP_CWORD == 1)) && names+=" help init --version --help"
        mapfile -t COMPREPLY < <(compgen -W "$names" -- "${COMP_WORDS[COMP_CWORD]}")
        return
    fi
    local sub=${COMP_WORDS[1]}
    if [[ $sub == init ]]; then
        _poolkit_tool "$cmd"
        [[ ${COMP_WORDS[COMP_CWORD]} == -* ]] &&
            mapfile -t COMPREPLY < <(compgen -W "--kind --partners --help" \
                                             -- "${COMP_WORDS[COMP_CWORD]}")
        return
    fi
    local dir
    dir=$(dirname "$(type -P "$cmd" 2>/dev/null || echo "$cmd")")
    _poolkit_tool "$dir/pool-${sub#pool-}"
}

complete -F _poolkit poolkit pool-actuals pool-check pool-recon pool-settle pool-shares \
    pool-verify pool-cases
