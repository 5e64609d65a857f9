/**
 * The local meeting page's script, served as a file of its own (the page's CSP allows `script-src 'self'` only):
 *
 * - it writes the meeting's time in the viewer's own zone, which only the browser knows, with the team's zone beside
 *   it when the two differ (Intl formats the instant, so daylight saving time is the browser's business);
 * - it opens the stage when the side panel shares to it: the side panel frame posts
 *   `{type: 'team-charter.share-to-stage'}` to its parent, as Teams' `meeting.shareAppContentToStage` would share
 *   the app. Only a message from this origin and from the side panel's own window counts.
 */
const SHARE_TO_STAGE_MESSAGE = 'team-charter.share-to-stage';

export const MEETING_ROOM_SCRIPT = `(function () {
  'use strict';
  var time = document.getElementById('meeting-time');
  if (time && typeof Intl === 'object' && Intl.DateTimeFormat) {
    var start = new Date(time.getAttribute('datetime'));
    var end = new Date(time.getAttribute('data-end'));
    var teamZone = time.getAttribute('data-zone');
    var viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var when = function (zone) {
      var format = new Intl.DateTimeFormat(undefined, {
        timeZone: zone,
        weekday: 'short',
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      });
      return format.formatRange ? format.formatRange(start, end) : format.format(start) + ' – ' + format.format(end);
    };
    try {
      var text = when(viewerZone) + ' your time (' + viewerZone + ')';
      if (teamZone && teamZone !== viewerZone) text += '; ' + when(teamZone) + ' in the team’s zone (' + teamZone + ')';
      time.textContent = text;
    } catch (e) {
      // A zone this browser does not know: the server's text (in the team's zone) stays.
    }
  }

  var panel = document.getElementById('side-panel-frame');
  var stage = document.getElementById('stage-frame');
  var placeholder = document.getElementById('stage-placeholder');
  var status = document.getElementById('stage-status');
  if (!panel || !stage) return;
  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin || event.source !== panel.contentWindow) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== ${JSON.stringify(SHARE_TO_STAGE_MESSAGE)}) return;
    if (!stage.hidden) return;
    stage.src = stage.getAttribute('data-src');
    stage.hidden = false;
    if (placeholder) placeholder.hidden = true;
    if (status) status.textContent = 'Shared to the stage.';
  });
})();
`;
