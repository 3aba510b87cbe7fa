// Wires the Elsa Studio element rendered by WorkflowHost.Studio.HostPage.StudioHostMarkup. Must run before
// _framework/blazor.webassembly.js, so the element already has its absolute remote-endpoint when Blazor upgrades it.
(function () {
    'use strict';

    // Blazor refuses to start when the page URL is outside <base href> ("… is not contained by the base URI").
    const basePath = new URL(document.baseURI).pathname;
    if (!location.pathname.startsWith(basePath)) {
        console.error('WorkflowHost: this Studio host page is at ' + location.pathname + ' but must live under ' + basePath
            + ' (Blazor requires the page URL inside <base href>); Studio will not start.');
    }

    for (const element of document.querySelectorAll('[data-studio-api-path]')) {
        // Studio needs an absolute URL without a trailing slash; a relative one resolves against file:///.
        element.setAttribute('remote-endpoint', location.origin + element.dataset.studioApiPath);

        // Callbacks are Blazor EventCallback parameters: they only work as JS properties of the defined element.
        const navigation = JSON.parse(element.dataset.studioNavigation || '{}');
        customElements.whenDefined(element.localName).then(function () {
            for (const [callback, urlTemplate] of Object.entries(navigation)) {
                element[callback] = function (id) {
                    location.assign(urlTemplate.replace('{id}', encodeURIComponent(id)));
                };
            }
        });
    }

    // With <base href="/studio/"> a plain href="" would reload /studio/, not this page.
    document.addEventListener('click', function (event) {
        if (event.target.closest('#blazor-error-ui .reload')) {
            event.preventDefault();
            location.reload();
        }
    });
})();
